import { test } from "vitest";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { testDb, makeUser, makeDevices, T0 } from "@/lib/sharing/test-fixtures";
import { shares, shareItems } from "@/db/schema";
test("perf4", () => {
  const db = testDb();
  const u = makeUser(db);
  const ds = makeDevices(db, u.id, 1000);
  const sids = Array.from({ length: 100 }, () => randomUUID());
  db.insert(shares).values(sids.map((id, i) => ({ id, sharerId: u.id, recipientEmail: `r${i}@x`, permissions: "view", status: "pending" as const, createdAt: T0 }))).run();
  const t = performance.now();
  db.transaction((tx) => {
    const ins = tx.insert(shareItems).values({ id: sql.placeholder("id"), shareId: sql.placeholder("shareId"), deviceId: sql.placeholder("deviceId"), sharerId: sql.placeholder("sharerId"), recipientEmail: sql.placeholder("recipientEmail"), serviceIds: sql.placeholder("serviceIds"), live: 1, addedAt: T0 }).prepare();
    for (let i = 0; i < 100; i++) for (const d of ds) ins.run({ id: randomUUID(), shareId: sids[i], deviceId: d.id, sharerId: u.id, recipientEmail: `r${i}@x`, serviceIds: null });
  }, { behavior: "immediate" });
  console.log("drizzle prepared", performance.now() - t);
});
