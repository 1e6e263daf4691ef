import { connection } from "next/server";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/accounts/session";

// The benchmark's floor (bench/run.ts): the cheapest signed-in dynamic page this server can
// serve — same layout, session decoding and user lookup as every private page, no list.
// Page timings are judged against it. Outside a bench run (KEYSHARE_BENCH=1) it does not exist.
export default async function BenchFloorPage() {
  // Render per request: the env gate must be read at run time, never baked in at build.
  await connection();
  if (process.env.KEYSHARE_BENCH !== "1") notFound();
  const user = await requireUser("/floor");
  return <h1 className="text-2xl font-semibold">{user.name}</h1>;
}
