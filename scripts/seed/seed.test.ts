import { describe, expect, it } from "vitest";
import { count } from "drizzle-orm";
import { openDb } from "../../db/client";
import { devices, shares, users } from "../../db/schema";
import { seedIfEmpty } from "./seed";

describe("seedIfEmpty", () => {
  it("seeds a believable demo once, and never into a database that has users", async () => {
    const db = openDb(":memory:", { migrate: true });
    expect(await seedIfEmpty(db, Date.UTC(2026, 10, 25))).toBe(true);
    expect(db.select({ n: count() }).from(users).get()?.n).toBe(3);
    expect(db.select({ n: count() }).from(devices).get()?.n).toBeGreaterThanOrEqual(36);
    const statuses = db
      .select({ s: shares.status })
      .from(shares)
      .all()
      .map((r) => r.s);
    expect(new Set(statuses)).toEqual(new Set(["active", "pending"]));
    expect(await seedIfEmpty(db, Date.now())).toBe(false);
  });
});
