import { afterEach, describe, expect, it, vi } from "vitest";
import { openDb } from "@/db/client";
import { hit, resetLimit } from "./rate-limit";

describe("rate limit", () => {
  afterEach(() => vi.unstubAllEnvs());
  const limit = { limit: 3, windowMs: 60_000 };

  it("allows the limit, then says how long to wait, then opens a new window", () => {
    vi.stubEnv("KEYSHARE_RATE_LIMIT", "");
    const db = openDb(":memory:", { migrate: true });
    expect([1, 2, 3].map((i) => hit(db, "k", limit, i).ok)).toEqual([true, true, true]);
    expect(hit(db, "k", limit, 30_001)).toEqual({ ok: false, retryAfterS: 30 });
    expect(hit(db, "other", limit, 30_000).ok).toBe(true);
    expect(hit(db, "k", limit, 60_001).ok).toBe(true);
    resetLimit(db, "k");
    expect(hit(db, "k", limit, 60_002).ok).toBe(true);
  });

  it("is relaxed for the end-to-end suite only when asked", () => {
    vi.stubEnv("KEYSHARE_RATE_LIMIT", "relaxed");
    const db = openDb(":memory:", { migrate: true });
    for (let i = 0; i < 300; i++) expect(hit(db, "k", limit, i).ok).toBe(true);
  });
});
