import { afterEach, describe, expect, it, vi } from "vitest";
import { closeDb } from "@/db/engine";
import { testDb } from "@/lib/sharing/test-fixtures";
import { createTestDb, openAgain } from "@/tests/support/db/test-db";
import { apiLimitFromEnv, takeApiRequest } from "./rate-limit";

describe("per-token API limit", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("is one count for every server: two handles on one database share it", async () => {
    // Two app servers behind a load balancer = two handles on one database (SQLite: two sets
    // of connections on one file; PostgreSQL: two pools).
    const test = await createTestDb();
    const a = test.db;
    const b = openAgain(test);
    try {
      const limit = { limit: 3, windowMs: 60_000 };
      expect((await takeApiRequest(a, "tok1", 1000, limit)).ok).toBe(true);
      expect((await takeApiRequest(b, "tok1", 1001, limit)).ok).toBe(true);
      expect((await takeApiRequest(a, "tok1", 1002, limit)).ok).toBe(true);
      // The fourth request goes to the other server: it is refused all the same.
      expect(await takeApiRequest(b, "tok1", 31_000, limit)).toEqual({
        ok: false,
        retryAfterS: 30,
      });
      expect((await takeApiRequest(a, "tok1", 31_001, limit)).ok).toBe(false);
      // Another token has its own count; the next window starts afresh on either server.
      expect((await takeApiRequest(b, "tok2", 31_002, limit)).ok).toBe(true);
      expect((await takeApiRequest(b, "tok1", 61_000, limit)).ok).toBe(true);
      // Both servers at once: no request is lost between them.
      await Promise.all(
        Array.from({ length: 10 }, (_, i) => takeApiRequest(i % 2 ? a : b, "tok3", 70_000, limit)),
      );
      expect((await takeApiRequest(a, "tok3", 70_001, { ...limit, limit: 11 })).ok).toBe(true);
      expect((await takeApiRequest(b, "tok3", 70_002, { ...limit, limit: 11 })).ok).toBe(false);
    } finally {
      await closeDb(b);
      await test.close();
    }
  });

  it("is not relaxed by KEYSHARE_RATE_LIMIT=relaxed (it is per token, not per address)", async () => {
    vi.stubEnv("KEYSHARE_RATE_LIMIT", "relaxed");
    const db = await testDb();
    const limit = { limit: 2, windowMs: 60_000 };
    const oks = [];
    for (const i of [0, 1, 2]) oks.push((await takeApiRequest(db, "t", i, limit)).ok);
    expect(oks).toEqual([true, true, false]);
  });

  it("takes its size from KEYSHARE_API_RATE_LIMIT, 600 a minute otherwise", () => {
    vi.stubEnv("KEYSHARE_API_RATE_LIMIT", "");
    expect(apiLimitFromEnv()).toEqual({ limit: 600, windowMs: 60_000 });
    vi.stubEnv("KEYSHARE_API_RATE_LIMIT", "25");
    expect(apiLimitFromEnv().limit).toBe(25);
    vi.stubEnv("KEYSHARE_API_RATE_LIMIT", "-1");
    expect(apiLimitFromEnv().limit).toBe(600);
  });
});
