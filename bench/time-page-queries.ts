// `npx tsx bench/time-page-queries.ts`: in process, over the bench database left by a run
// (bench/tmp/bench.db), the CPU time of Shared with Me's queries (listSharedWithMe page 1 of
// 25 + the device preview) and of the session lookup, per call, median of rounds.
import "./engine-env";
import { allowServerOnly, printCpuPerCall } from "./in-process";
import { HTTP_DB } from "./config";

allowServerOnly();

async function main() {
  const { openDb } = await import("@/db/engine");
  const { listSharedWithMe } = await import("@/lib/sharing/queries");
  const { deviceNamePreview } = await import("@/lib/sharing/device-preview");
  const { users } = await import("@/db/schema");
  const { eq } = await import("drizzle-orm");
  const db = openDb({ kind: "sqlite", path: HTTP_DB } as never);
  const [user] = await db.select().from(users).where(eq(users.email, "recipient@bench.test"));
  const page = async () => {
    const { groups } = await listSharedWithMe(db, { user, now: Date.now(), page: 1, pageSize: 25 });
    await deviceNamePreview(
      db,
      groups.flatMap((g) => g.shares.map((r) => r.share.id)),
    );
  };
  const session = async () => {
    await db.select().from(users).where(eq(users.id, user.id));
  };
  for (const [name, fn] of [
    ["shared-with-me queries", page],
    ["one point select", session],
  ] as const)
    await printCpuPerCall(name, fn, 300);
}
main().then(
  () => process.exit(0),
  (e) => (console.error(e), process.exit(1)),
);
