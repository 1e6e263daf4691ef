import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { emailTokens } from "@/db/schema";
import { makeUser, T0, testDb } from "@/lib/sharing/test-fixtures";
import {
  EMAIL_TOKEN_TTL_MS,
  consumeEmailToken,
  createEmailToken,
  peekEmailToken,
  purgeEmailTokens,
  spendAllEmailTokens,
} from "./email-tokens";

describe("emailed single-use tokens", () => {
  it("are 256 random bits; only their SHA-256 is stored", () => {
    const db = testDb();
    const u = makeUser(db);
    const token = createEmailToken(db, { userId: u.id, purpose: "verify", now: T0 });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [row] = db.select().from(emailTokens).all();
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.expiresAt).toBe(T0 + 24 * 3_600_000);
    expect(createEmailToken(db, { userId: u.id, purpose: "reset", now: T0 })).not.toBe(token);
    expect(EMAIL_TOKEN_TTL_MS.reset).toBe(3_600_000);
  });

  it("work once, for their purpose only, until they expire", () => {
    const db = testDb();
    const u = makeUser(db);
    const reset = createEmailToken(db, { userId: u.id, purpose: "reset", now: T0 });
    expect(consumeEmailToken(db, { token: reset, purpose: "verify", now: T0 + 1 })).toBeNull();
    expect(peekEmailToken(db, { token: reset, purpose: "reset", now: T0 + 1 })).toBe(u.id);
    expect(consumeEmailToken(db, { token: reset, purpose: "reset", now: T0 + 1 })).toBe(u.id);
    expect(consumeEmailToken(db, { token: reset, purpose: "reset", now: T0 + 2 })).toBeNull();
    expect(peekEmailToken(db, { token: reset, purpose: "reset", now: T0 + 2 })).toBeNull();
    const late = createEmailToken(db, { userId: u.id, purpose: "reset", now: T0 });
    expect(
      consumeEmailToken(db, { token: late, purpose: "reset", now: T0 + 3_600_000 }),
    ).toBeNull();
  });

  it("refuse anything that is not a token without a lookup, and forged ones alike", () => {
    const db = testDb();
    for (const token of [
      undefined,
      null,
      5,
      "",
      "x".repeat(43) + "!",
      "A".repeat(44),
      { toString: () => "x" },
    ]) {
      expect(consumeEmailToken(db, { token, purpose: "verify", now: T0 })).toBeNull();
    }
    expect(consumeEmailToken(db, { token: "A".repeat(43), purpose: "verify", now: T0 })).toBeNull();
  });

  it("spending all of a user's tokens of one kind leaves the other kind and other users", () => {
    const db = testDb();
    const [u, v] = [makeUser(db), makeUser(db)];
    const a = createEmailToken(db, { userId: u.id, purpose: "verify", now: T0 });
    const b = createEmailToken(db, { userId: u.id, purpose: "reset", now: T0 });
    const c = createEmailToken(db, { userId: v.id, purpose: "verify", now: T0 });
    spendAllEmailTokens(db, { userId: u.id, purpose: "verify", now: T0 });
    expect(peekEmailToken(db, { token: a, purpose: "verify", now: T0 })).toBeNull();
    expect(peekEmailToken(db, { token: b, purpose: "reset", now: T0 })).toBe(u.id);
    expect(peekEmailToken(db, { token: c, purpose: "verify", now: T0 })).toBe(v.id);
  });

  it("expired tokens are purged", () => {
    const db = testDb();
    const u = makeUser(db);
    createEmailToken(db, { userId: u.id, purpose: "reset", now: T0 });
    const keep = createEmailToken(db, { userId: u.id, purpose: "verify", now: T0 });
    expect(purgeEmailTokens(db, T0 + 3_600_000)).toBe(1);
    expect(peekEmailToken(db, { token: keep, purpose: "verify", now: T0 + 3_600_000 })).toBe(u.id);
  });
});
