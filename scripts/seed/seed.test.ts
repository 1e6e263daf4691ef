import { describe, expect, it } from "vitest";
import { count } from "drizzle-orm";
import { freshDb } from "@/tests/support/db/fresh";
import { devices, shares, users } from "../../db/schema";
import { seedIfEmpty } from "./seed";

describe("seedIfEmpty", () => {
  it("seeds a believable demo once, and never into a database that has users", async () => {
    const db = await freshDb();
    expect(await seedIfEmpty(db, Date.UTC(2026, 10, 25))).toBe(true);
    expect((await db.select({ n: count() }).from(users))[0]?.n).toBe(3);
    expect((await db.select({ n: count() }).from(devices))[0]?.n).toBeGreaterThanOrEqual(36);
    const statuses = (await db.select({ s: shares.status }).from(shares)).map((r) => r.s);
    expect(new Set(statuses)).toEqual(new Set(["active", "pending"]));
    expect(await seedIfEmpty(db, Date.now())).toBe(false);
  });
});
