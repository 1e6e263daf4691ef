import { afterEach, describe, expect, it, vi } from "vitest";
import { freshDb } from "@/tests/support/db/fresh";
import { rateLimits } from "@/db/schema";
import { attempts, boundedKey, hit, purgeRateLimits, refund, resetLimit } from "./rate-limit";

describe("rate limit", () => {
  afterEach(() => vi.unstubAllEnvs());
  const limit = { limit: 3, windowMs: 60_000 };

  it("allows the limit, then says how long to wait, then opens a new window", async () => {
    vi.stubEnv("KEYSHARE_RATE_LIMIT", "");
    const db = await freshDb();
    // Three at the same instant: racing on separate PostgreSQL connections, whichever comes
    // first opens the window, so they must agree on when it started.
    expect(await Promise.all([1, 2, 3].map(async () => (await hit(db, "k", limit, 1)).ok))).toEqual(
      [true, true, true],
    );
    expect(await hit(db, "k", limit, 30_001)).toEqual({ ok: false, retryAfterS: 30 });
    expect((await hit(db, "other", limit, 30_000)).ok).toBe(true);
    expect((await hit(db, "k", limit, 60_001)).ok).toBe(true);
    await resetLimit(db, "k");
    expect((await hit(db, "k", limit, 60_002)).ok).toBe(true);
  });

  it("is relaxed for the end-to-end suite only when asked, and only per address", async () => {
    vi.stubEnv("KEYSHARE_RATE_LIMIT", "relaxed");
    const db = await freshDb();
    for (let i = 0; i < 300; i++)
      expect((await hit(db, "k", { ...limit, perAddress: true }, i)).ok).toBe(true);
    // Limits per account or per share hold even then: the suite still proves them.
    expect(
      await Promise.all([1, 2, 3, 4].map(async (i) => (await hit(db, "account", limit, i)).ok)),
    ).toEqual([true, true, true, false]);
  });

  it("counts several at once (a bulk share's invitations) and refuses what goes over", async () => {
    const db = await freshDb();
    expect((await hit(db, "k", { limit: 10, windowMs: 1000 }, 0, 7)).ok).toBe(true);
    expect((await hit(db, "k", { limit: 10, windowMs: 1000 }, 1, 4)).ok).toBe(false);
    expect(await attempts(db, "k", 1)).toBe(11);
    expect(await attempts(db, "k", 1000)).toBe(0); // the window is over
  });

  it("gives one attempt back, never below zero", async () => {
    const db = await freshDb();
    await hit(db, "k", limit, 0);
    await refund(db, "k");
    await refund(db, "k");
    expect(await attempts(db, "k", 1)).toBe(0);
  });

  it("stores long keys (emails and addresses a client chose) as a short hash", async () => {
    const db = await freshDb();
    const long = `signin:pair:203.0.113.9|${"a".repeat(240)}@example.com`;
    expect(boundedKey("signin:ip:203.0.113.9")).toBe("signin:ip:203.0.113.9");
    expect(boundedKey(long)).toMatch(/^signin:#[A-Za-z0-9_-]{43}$/);
    expect(boundedKey(long)).not.toBe(boundedKey(long.replace("aaa", "aab")));
    await hit(db, long, limit, 0);
    expect((await db.select().from(rateLimits)).map((r) => r.key)).toEqual([boundedKey(long)]);
    expect(await attempts(db, long, 1)).toBe(1);
  });

  it("purges windows that are over, and only those", async () => {
    const db = await freshDb();
    await hit(db, "old", { limit: 5, windowMs: 1000 }, 0);
    await hit(db, "new", { limit: 5, windowMs: 1000 }, 900);
    expect(await purgeRateLimits(db, 1000)).toBe(1);
    expect((await db.select().from(rateLimits)).map((r) => r.key)).toEqual(["new"]);
  });
});
