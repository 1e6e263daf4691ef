import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { shareDevices } from "./share-devices";
import { DAY, makeDevices, makeUser, sharingCounts, T0, testDb } from "./test-fixtures";

describe("bulk share at fleet size", () => {
  it("shares 1,000 devices with 100 recipients: 100 shares, 100,000 items, one transaction", async () => {
    const db = await testDb();
    const owner = await makeUser(db, { email: "fleet@example.com" });
    const devs = await makeDevices(db, owner.id, 1000);
    const recipients = Array.from({ length: 100 }, (_, i) => `tech${i}@contractor.example`);
    const input = {
      recipients,
      deviceIds: devs.map((d) => d.id),
      permissions: "Operator",
      expiresAt: T0 + 30 * DAY,
    };

    const r = await shareDevices(db, { sharerId: owner.id, now: T0, input });
    expect(r.shares).toHaveLength(100);
    expect(new Set(r.shares.map((s) => s.token)).size).toBe(100);
    expect(await sharingCounts(db)).toEqual({ shares: 100, items: 100_000, events: 100 });
    const perShare = (
      await db.execute(sql`select count(*) as n from share_items group by share_id`)
    ).rows as { n: number }[];
    expect(perShare.every((x) => x.n === 1000)).toBe(true);

    // Again with skipConflicts: every pair is already live, so nothing new is written.
    const again = await shareDevices(db, {
      sharerId: owner.id,
      now: T0 + 1,
      input: { ...input, skipConflicts: true },
    });
    expect(again.shares).toEqual([]);
    expect(again.skipped).toHaveLength(100_000);
    expect(await sharingCounts(db)).toEqual({ shares: 100, items: 100_000, events: 100 });
    // A correctness test at fleet size, not a timing one (that is `npm run bench`): it took
    // over 30 s on a 2-CPU machine under heavy load.
  }, 180_000);
});
