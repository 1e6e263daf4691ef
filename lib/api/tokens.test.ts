import { describe, expect, it } from "vitest";
import { engineKindOf } from "@/db/engine";
import { captureStatements } from "@/tests/support/db/raw";
import { apiTokens } from "@/db/schema";
import { makeUser, T0, testDb } from "@/lib/sharing/test-fixtures";
import {
  authenticateToken,
  bearerToken,
  createApiToken,
  LAST_USED_GRANULARITY_MS,
  listApiTokens,
  revokeApiToken,
} from "./tokens";
import { DAY } from "@/lib/platform/time";

describe("API tokens", () => {
  it("are ks_ + 256 random bits, and only their SHA-256 is stored", async () => {
    const db = await testDb();
    const u = await makeUser(db);
    const a = await createApiToken(db, {
      userId: u.id,
      name: "a",
      scopes: ["read"],
      days: 30,
      now: T0,
    });
    const b = await createApiToken(db, {
      userId: u.id,
      name: "b",
      scopes: ["read"],
      days: 30,
      now: T0,
    });
    expect(a.token).toMatch(/^ks_[A-Za-z0-9_-]{43}$/); // 43 base64url chars = 32 bytes
    expect(Buffer.from(a.token.slice(3), "base64url")).toHaveLength(32);
    expect(a.token).not.toBe(b.token);
    const stored = JSON.stringify(await db.select().from(apiTokens));
    expect(stored).not.toContain(a.token);
    expect(stored).not.toContain(a.token.slice(7)); // only the 7-character prefix is kept
    expect(JSON.stringify(await listApiTokens(db, u.id))).not.toContain("tokenHash");
  });

  it("authenticate as their user until revoked or expired, at once", async () => {
    const db = await testDb();
    const u = await makeUser(db);
    const { token, row } = await createApiToken(db, {
      userId: u.id,
      name: "ci",
      scopes: ["write"],
      days: 30,
      now: T0,
    });
    const auth = await authenticateToken(db, token, T0 + 1);
    expect(auth?.user.id).toBe(u.id);
    expect(auth?.scopes).toEqual(["read", "write"]); // write implies read
    expect(await authenticateToken(db, token, T0 + 30 * DAY)).toBeNull();
    expect(await authenticateToken(db, `${token.slice(0, -1)}x`, T0 + 1)).toBeNull();
    expect(await authenticateToken(db, "not a token", T0 + 1)).toBeNull();
    await revokeApiToken(db, { userId: u.id, tokenId: row.id, now: T0 + 2 });
    expect(await authenticateToken(db, token, T0 + 3)).toBeNull();
    expect(await listApiTokens(db, u.id)).toEqual([]);
  });

  it("cannot be revoked by anyone else, nor twice", async () => {
    const db = await testDb();
    const [u, other] = [await makeUser(db), await makeUser(db)];
    const { token, row } = await createApiToken(db, {
      userId: u.id,
      name: "ci",
      scopes: ["read"],
      days: null,
      now: T0,
    });
    await expect(async () =>
      revokeApiToken(db, { userId: other.id, tokenId: row.id, now: T0 }),
    ).rejects.toThrow(/not found/i);
    expect(await authenticateToken(db, token, T0 + 100 * 365 * DAY)).not.toBeNull(); // never expires
    await revokeApiToken(db, { userId: u.id, tokenId: row.id, now: T0 });
    await expect(async () =>
      revokeApiToken(db, { userId: u.id, tokenId: row.id, now: T0 }),
    ).rejects.toThrow();
  });

  it("need a scope", async () => {
    const db = await testDb();
    const u = await makeUser(db);
    await expect(async () =>
      createApiToken(db, { userId: u.id, name: "x", scopes: [], days: 30, now: T0 }),
    ).rejects.toThrow(/at least one scope/);
  });

  it("cost one lookup per request; last used is written at most once a minute", async () => {
    const db = await testDb();
    const u = await makeUser(db);
    const { token, row } = await createApiToken(db, {
      userId: u.id,
      name: "ci",
      scopes: ["read"],
      days: 30,
      now: T0,
    });
    if (engineKindOf(db) === "sqlite") {
      // The reads a request's authentication sends (SQLite's driver sees each statement).
      const reads = await captureStatements(db, (d) => authenticateToken(d, token, T0 + 5));
      expect(reads.map((r) => r.sql)).toHaveLength(1);
      expect(reads[0].sql).toMatch(/"token_hash" = \?/);
    }
    const used = async () =>
      (await listApiTokens(db, u.id)).find((t) => t.id === row.id)!.lastUsedAt;
    await authenticateToken(db, token, T0 + 10);
    const first = await used();
    await authenticateToken(db, token, T0 + 20); // within the minute: not written again
    expect(await used()).toBe(first);
    await authenticateToken(db, token, first! + LAST_USED_GRANULARITY_MS);
    expect(await used()).toBe(first! + LAST_USED_GRANULARITY_MS);
  });

  it("come only from a Bearer header", () => {
    expect(bearerToken("Bearer ks_abc")).toBe("ks_abc");
    expect(bearerToken("bearer   ks_abc ")).toBe("ks_abc");
    expect(bearerToken("Basic a2V5")).toBeNull();
    expect(bearerToken("Bearer a b")).toBeNull();
    expect(bearerToken(null)).toBeNull();
  });
});
