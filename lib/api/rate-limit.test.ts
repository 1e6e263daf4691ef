import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openDb } from "@/db/client";
import { apiLimitFromEnv, takeApiRequest } from "./rate-limit";

describe("per-token API limit", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("is one count for every server: two connections to one database share it", () => {
    // Two app servers behind a load balancer = two connections to the same database file.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "keyshare-apilimit-")), "k.db");
    const a = openDb(file, { migrate: true });
    const b = openDb(file);
    try {
      const limit = { limit: 3, windowMs: 60_000 };
      expect(takeApiRequest(a, "tok1", 1000, limit).ok).toBe(true);
      expect(takeApiRequest(b, "tok1", 1001, limit).ok).toBe(true);
      expect(takeApiRequest(a, "tok1", 1002, limit).ok).toBe(true);
      // The fourth request goes to the other server: it is refused all the same.
      expect(takeApiRequest(b, "tok1", 31_000, limit)).toEqual({ ok: false, retryAfterS: 30 });
      expect(takeApiRequest(a, "tok1", 31_001, limit).ok).toBe(false);
      // Another token has its own count; the next window starts afresh on either server.
      expect(takeApiRequest(b, "tok2", 31_002, limit).ok).toBe(true);
      expect(takeApiRequest(b, "tok1", 61_000, limit).ok).toBe(true);
    } finally {
      a.$client.close();
      b.$client.close();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });

  it("is not relaxed by KEYSHARE_RATE_LIMIT=relaxed (it is per token, not per address)", () => {
    vi.stubEnv("KEYSHARE_RATE_LIMIT", "relaxed");
    const db = openDb(":memory:", { migrate: true });
    const limit = { limit: 2, windowMs: 60_000 };
    expect([0, 1, 2].map((i) => takeApiRequest(db, "t", i, limit).ok)).toEqual([true, true, false]);
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
