// The API benchmark's floor (bench/api.ts): authenticates the bearer token exactly as every
// /api/v1 route does (one indexed lookup, the per-token limit, the scope) and answers a tiny
// JSON. GET /api/v1/shares is judged against it. 404 unless KEYSHARE_BENCH=1.
import { getDb } from "@/db/client";
import { authorize } from "@/lib/api/handler";

export async function GET(req: Request) {
  if (process.env.KEYSHARE_BENCH !== "1")
    return Response.json({ error: "Not found" }, { status: 404 });
  const auth = await authorize(req, "read", getDb(), Date.now());
  if (auth instanceof Response) return auth;
  return Response.json({ userId: auth.user.id }, { headers: { "cache-control": "no-store" } });
}
