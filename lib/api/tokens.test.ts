import { describe, expect, it, vi } from "vitest";
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

const DAY = 86_400_000;

describe("API tokens", () => {
  it("are ks_ + 256 random bits, and only their SHA-256 is stored", () => {
    const db = testDb();
    const u = makeUser(db);
    const a = createApiToken(db, { userId: u.id, name: "a", scopes: ["read"], days: 30, now: T0 });
    const b = createApiToken(db, { userId: u.id, name: "b", scopes: ["read"], days: 30, now: T0 });
    expect(a.token).toMatch(/^ks_[A-Za-z0-9_-]{43}$/); // 43 base64url chars = 32 bytes
    expect(Buffer.from(a.token.slice(3), "base64url")).toHaveLength(32);
    expect(a.token).not.toBe(b.token);
    const stored = JSON.stringify(db.select().from(apiTokens).all());
    expect(stored).not.toContain(a.token);
    expect(stored).not.toContain(a.token.slice(7)); // only the 7-character prefix is kept
    expect(JSON.stringify(listApiTokens(db, u.id))).not.toContain("tokenHash");
  });

  it("authenticate as their user until revoked or expired, at once", () => {
    const db = testDb();
    const u = makeUser(db);
    const { token, row } = createApiToken(db, {
      userId: u.id,
      name: "ci",
      scopes: ["write"],
      days: 30,
      now: T0,
    });
    const auth = authenticateToken(db, token, T0 + 1);
    expect(auth?.user.id).toBe(u.id);
    expect(auth?.scopes).toEqual(["read", "write"]); // write implies read
    expect(authenticateToken(db, token, T0 + 30 * DAY)).toBeNull();
    expect(authenticateToken(db, `${token.slice(0, -1)}x`, T0 + 1)).toBeNull();
    expect(authenticateToken(db, "not a token", T0 + 1)).toBeNull();
    revokeApiToken(db, { userId: u.id, tokenId: row.id, now: T0 + 2 });
    expect(authenticateToken(db, token, T0 + 3)).toBeNull();
    expect(listApiTokens(db, u.id)).toEqual([]);
  });

  it("cannot be revoked by anyone else, nor twice", () => {
    const db = testDb();
    const [u, other] = [makeUser(db), makeUser(db)];
    const { token, row } = createApiToken(db, {
      userId: u.id,
      name: "ci",
      scopes: ["read"],
      days: null,
      now: T0,
    });
    expect(() => revokeApiToken(db, { userId: other.id, tokenId: row.id, now: T0 })).toThrow(
      /not found/i,
    );
    expect(authenticateToken(db, token, T0 + 100 * 365 * DAY)).not.toBeNull(); // never expires
    revokeApiToken(db, { userId: u.id, tokenId: row.id, now: T0 });
    expect(() => revokeApiToken(db, { userId: u.id, tokenId: row.id, now: T0 })).toThrow();
  });

  it("need a scope", () => {
    const db = testDb();
    const u = makeUser(db);
    expect(() =>
      createApiToken(db, { userId: u.id, name: "x", scopes: [], days: 30, now: T0 }),
    ).toThrow(/at least one scope/);
  });

  it("cost one statement per request; last used is written at most once a minute", () => {
    const db = testDb();
    const u = makeUser(db);
    const { token, row } = createApiToken(db, {
      userId: u.id,
      name: "ci",
      scopes: ["read"],
      days: 30,
      now: T0,
    });
    const prepare = vi.spyOn(db.$client, "prepare");
    authenticateToken(db, token, T0 + 10); // first use: the lookup and the last-used stamp
    const first = prepare.mock.calls.length;
    prepare.mockClear();
    authenticateToken(db, token, T0 + 20); // within the minute: the lookup only
    expect(prepare.mock.calls.length).toBe(1);
    expect(first).toBe(2);
    const used = () => listApiTokens(db, u.id).find((t) => t.id === row.id)!.lastUsedAt;
    expect(used()).toBe(T0 + 10);
    authenticateToken(db, token, T0 + 10 + LAST_USED_GRANULARITY_MS);
    expect(used()).toBe(T0 + 10 + LAST_USED_GRANULARITY_MS);
    prepare.mockRestore();
  });

  it("come only from a Bearer header", () => {
    expect(bearerToken("Bearer ks_abc")).toBe("ks_abc");
    expect(bearerToken("bearer   ks_abc ")).toBe("ks_abc");
    expect(bearerToken("Basic a2V5")).toBeNull();
    expect(bearerToken("Bearer a b")).toBeNull();
    expect(bearerToken(null)).toBeNull();
  });
});
