import { transaction } from "@/db/engine";
import { describe, expect, it } from "vitest";
import { shares, type Share } from "@/db/schema";
import {
  effectiveStatus,
  effectiveStatusSql,
  EFFECTIVE_STATUSES,
  isLive,
  statusPredicate,
  timeLeft,
} from "./status";
import { DAY, HOUR, makeUser, T0, testDb } from "./test-fixtures";

const base = {
  status: "active" as Share["status"],
  expiresAt: (T0 + HOUR) as number | null,
  suspendedAt: null as number | null,
};

describe("effectiveStatus", () => {
  it("is exact to the millisecond at expiry", () => {
    expect(effectiveStatus(base, T0 + HOUR - 1)).toBe("Active");
    expect(effectiveStatus(base, T0 + HOUR)).toBe("Expired");
    expect(effectiveStatus({ ...base, status: "pending" }, T0 + HOUR - 1)).toBe("Pending");
    expect(effectiveStatus({ ...base, status: "pending" }, T0 + HOUR)).toBe("Expired");
  });

  it("never expires a permanent share, and ended shares keep their word", () => {
    expect(effectiveStatus({ ...base, expiresAt: null }, T0 + 1000 * DAY)).toBe("Active");
    expect(effectiveStatus({ ...base, status: "cancelled" }, T0 + DAY)).toBe("Cancelled");
    expect(effectiveStatus({ ...base, status: "declined" }, T0 + DAY)).toBe("Declined");
    expect(effectiveStatus({ ...base, status: "left" }, T0 + DAY)).toBe("Left");
  });

  it("reports Suspended only on an active, unexpired share", () => {
    expect(effectiveStatus({ ...base, suspendedAt: T0 }, T0)).toBe("Suspended");
    expect(effectiveStatus({ ...base, suspendedAt: T0 }, T0 + HOUR)).toBe("Expired");
    expect(effectiveStatus({ ...base, status: "pending", suspendedAt: T0 }, T0)).toBe("Pending");
  });

  it("isLive: pending or active and not expired", () => {
    expect(isLive(base, T0)).toBe(true);
    expect(isLive({ ...base, status: "pending" }, T0)).toBe(true);
    expect(isLive(base, T0 + HOUR)).toBe(false);
    expect(isLive({ ...base, status: "cancelled" }, T0)).toBe(false);
  });
});

describe("timeLeft", () => {
  it("speaks in the largest whole unit, rounding down", () => {
    expect(timeLeft(T0 + 3 * DAY + 5 * HOUR, T0)).toBe("3 days");
    expect(timeLeft(T0 + DAY, T0)).toBe("1 day");
    expect(timeLeft(T0 + 5 * HOUR + 59 * 60_000, T0)).toBe("5 hours");
    expect(timeLeft(T0 + 60_000, T0)).toBe("1 minute");
    expect(timeLeft(T0 + 59_999, T0)).toBe("less than a minute");
    expect(timeLeft(T0, T0)).toBe("expired");
    expect(timeLeft(null, T0)).toBe("permanent");
  });
});

describe("SQL status agrees with the JS rule", () => {
  it("for every stored status around the expiry instant", async () => {
    const db = await testDb();
    const u = await makeUser(db);
    const variants: Pick<Share, "status" | "expiresAt" | "suspendedAt">[] = [];
    for (const status of ["pending", "active", "cancelled", "declined", "left"] as const)
      for (const expiresAt of [null, T0 + HOUR])
        for (const suspendedAt of [null, T0]) variants.push({ status, expiresAt, suspendedAt });
    const ids: string[] = [];
    for (const [i, v] of variants.entries()) {
      const id = `s${i}`;
      await transaction(db, async (tx) =>
        tx.insert(shares).values({
          id,
          sharerId: u.id,
          recipientEmail: "r@x.com",
          permissions: "view",
          createdAt: T0,
          ...v,
        }),
      );
      ids.push(id);
    }
    for (const now of [T0, T0 + HOUR - 1, T0 + HOUR, T0 + HOUR + 1]) {
      const fromSql = await db.select({ id: shares.id, s: effectiveStatusSql(now) }).from(shares);
      for (const row of fromSql) {
        expect(row.s).toBe(effectiveStatus(variants[ids.indexOf(row.id)], now));
      }
      for (const status of EFFECTIVE_STATUSES) {
        const picked = (
          await db.select({ id: shares.id }).from(shares).where(statusPredicate(status, now))
        )
          .map((r) => r.id)
          .sort();
        const expected = ids.filter((id, i) => effectiveStatus(variants[i], now) === status).sort();
        expect(picked, `${status} at ${now - T0}`).toEqual(expected);
      }
    }
  });
});
