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
  it("are 256 random bits; only their SHA-256 is stored", async () => {
    const db = await testDb();
    const u = await makeUser(db);
    const token = await createEmailToken(db, { userId: u.id, purpose: "verify", now: T0 });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [row] = await db.select().from(emailTokens);
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.expiresAt).toBe(T0 + 24 * 3_600_000);
    expect(await createEmailToken(db, { userId: u.id, purpose: "reset", now: T0 })).not.toBe(token);
    expect(EMAIL_TOKEN_TTL_MS.reset).toBe(3_600_000);
  });

  it("work once, for their purpose only, until they expire", async () => {
    const db = await testDb();
    const u = await makeUser(db);
    const reset = await createEmailToken(db, { userId: u.id, purpose: "reset", now: T0 });
    expect(
      await consumeEmailToken(db, { token: reset, purpose: "verify", now: T0 + 1 }),
    ).toBeNull();
    expect(await peekEmailToken(db, { token: reset, purpose: "reset", now: T0 + 1 })).toBe(u.id);
    expect(await consumeEmailToken(db, { token: reset, purpose: "reset", now: T0 + 1 })).toBe(u.id);
    expect(await consumeEmailToken(db, { token: reset, purpose: "reset", now: T0 + 2 })).toBeNull();
    expect(await peekEmailToken(db, { token: reset, purpose: "reset", now: T0 + 2 })).toBeNull();
    const late = await createEmailToken(db, { userId: u.id, purpose: "reset", now: T0 });
    expect(
      await consumeEmailToken(db, { token: late, purpose: "reset", now: T0 + 3_600_000 }),
    ).toBeNull();
  });

  it("refuse anything that is not a token without a lookup, and forged ones alike", async () => {
    const db = await testDb();
    for (const token of [
      undefined,
      null,
      5,
      "",
      "x".repeat(43) + "!",
      "A".repeat(44),
      { toString: () => "x" },
    ]) {
      expect(await consumeEmailToken(db, { token, purpose: "verify", now: T0 })).toBeNull();
    }
    expect(
      await consumeEmailToken(db, { token: "A".repeat(43), purpose: "verify", now: T0 }),
    ).toBeNull();
  });

  it("spending all of a user's tokens of one kind leaves the other kind and other users", async () => {
    const db = await testDb();
    const [u, v] = [await makeUser(db), await makeUser(db)];
    const a = await createEmailToken(db, { userId: u.id, purpose: "verify", now: T0 });
    const b = await createEmailToken(db, { userId: u.id, purpose: "reset", now: T0 });
    const c = await createEmailToken(db, { userId: v.id, purpose: "verify", now: T0 });
    await spendAllEmailTokens(db, { userId: u.id, purpose: "verify", now: T0 });
    expect(await peekEmailToken(db, { token: a, purpose: "verify", now: T0 })).toBeNull();
    expect(await peekEmailToken(db, { token: b, purpose: "reset", now: T0 })).toBe(u.id);
    expect(await peekEmailToken(db, { token: c, purpose: "verify", now: T0 })).toBe(v.id);
  });

  it("expired tokens are purged", async () => {
    const db = await testDb();
    const u = await makeUser(db);
    await createEmailToken(db, { userId: u.id, purpose: "reset", now: T0 });
    const keep = await createEmailToken(db, { userId: u.id, purpose: "verify", now: T0 });
    expect(await purgeEmailTokens(db, T0 + 3_600_000)).toBe(1);
    expect(await peekEmailToken(db, { token: keep, purpose: "verify", now: T0 + 3_600_000 })).toBe(
      u.id,
    );
  });
});
