// `npx tsx bench/time-api-list.ts`: in process, over a freshly seeded bench database, the CPU
// time per call of GET /api/v1/shares's parts (the token check the floor also does, the
// list query, the views and JSON), median of rounds. Finds where the list spends beyond the floor.
import "./engine-env";
import { allowServerOnly, printCpuPerCall } from "./in-process";

allowServerOnly();

async function main() {
  const { seedHttpDb, OWNER_EMAIL } = await import("./seed-http");
  const { openDb } = await import("@/db/engine");
  const { insertToken } = await import("./api");
  const { users } = await import("@/db/schema");
  const { eq } = await import("drizzle-orm");
  const { authorize } = await import("@/lib/api/handler");
  const { listApiShares } = await import("@/lib/api/queries");
  const { shareView } = await import("@/lib/api/views");
  const { listShares } = await import("@/lib/api/operations/shares");
  const { GET } = await import("@/app/api/v1/shares/route");
  const seed = await seedHttpDb(Date.now());
  const db = openDb(seed.where.config);
  (globalThis as unknown as { keyshareEngineDb?: unknown }).keyshareEngineDb = db;
  process.env.KEYSHARE_API_RATE_LIMIT = "100000000";
  const token = await insertToken(db, "owner", Date.now());
  const [user] = await db.select().from(users).where(eq(users.email, OWNER_EMAIL));
  const url = "http://127.0.0.1/api/v1/shares?direction=outgoing&limit=50";
  const req = () => new Request(url, { headers: { authorization: `Bearer ${token}` } });
  const query = listShares.query!.parse({ direction: "outgoing", limit: "50" });
  const rows = async () => listApiShares(db, { user, ...query, now: Date.now() } as never);
  const page = await rows();
  const views = async () =>
    JSON.stringify({ items: page.rows.map((r) => shareView(r, "outgoing")), nextCursor: null });
  const { deviceCounts, shareViewColumns } = await import("@/lib/sharing/queries");
  const { effectiveStatusSql } = await import("@/lib/sharing/status");
  const { shares } = await import("@/db/schema");
  const { desc } = await import("drizzle-orm");
  const ids = page.rows.map((r) => r.share.id);
  const build = () =>
    db
      .select({ share: shareViewColumns, status: effectiveStatusSql(Date.now()) })
      .from(shares)
      .where(eq(shares.sharerId, user.id))
      .orderBy(desc(shares.createdAt), desc(shares.id))
      .limit(51);
  for (const [name, fn] of [
    ["build the page query (toSQL)", async () => build().toSQL()],
    ["run the page query", async () => build()],
    ["deviceCounts (50 ids)", async () => deviceCounts(db, ids)],
    ["authorize (the floor's work)", async () => authorize(req(), "read", db, Date.now())],
    ["listApiShares", rows],
    ["views + JSON", views],
    ["whole GET handler", async () => (await GET(req())).text()],
  ] as const)
    await printCpuPerCall(name, fn, 200);
}
main().then(
  () => process.exit(0),
  (e) => (console.error(e), process.exit(1)),
);
