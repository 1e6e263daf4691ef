import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { emailTokens } from "@/db/schema";
import { newId } from "@/lib/platform/ids";

export type EmailTokenPurpose = "verify" | "reset";

const HOUR = 3_600_000;
/** How long each kind of emailed link works. */
export const EMAIL_TOKEN_TTL_MS: Record<EmailTokenPurpose, number> = {
  verify: 24 * HOUR,
  reset: HOUR,
};

const hash = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

/** 32 random bytes as base64url: 43 characters. Anything else is not looked up at all. */
export const looksLikeEmailToken = (token: unknown): token is string =>
  typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token);

/** A new single-use token for `userId`; returns the raw token (to email), stores only its hash. */
export function createEmailToken(
  db: Db,
  q: { userId: string; purpose: EmailTokenPurpose; now: number },
): string {
  const token = randomBytes(32).toString("base64url");
  db.insert(emailTokens)
    .values({
      id: newId(),
      userId: q.userId,
      purpose: q.purpose,
      tokenHash: hash(token),
      expiresAt: q.now + EMAIL_TOKEN_TTL_MS[q.purpose],
      createdAt: q.now,
    })
    .run();
  return token;
}

const usable = (token: string, purpose: EmailTokenPurpose, now: number) =>
  and(
    eq(emailTokens.tokenHash, hash(token)),
    eq(emailTokens.purpose, purpose),
    isNull(emailTokens.usedAt),
    gt(emailTokens.expiresAt, now),
  );

/** Whose token this is, while it is unused and unexpired; spends nothing (the reset page's first look). */
export function peekEmailToken(
  db: Db,
  q: { token: unknown; purpose: EmailTokenPurpose; now: number },
): string | null {
  if (!looksLikeEmailToken(q.token)) return null;
  return (
    db
      .select({ userId: emailTokens.userId })
      .from(emailTokens)
      .where(usable(q.token, q.purpose, q.now))
      .get()?.userId ?? null
  );
}

/**
 * Spends the token: one guarded UPDATE, so of two concurrent uses exactly one gets the user
 * id and the other null. Unknown, used, expired or other-purpose tokens give null alike.
 */
export function consumeEmailToken(
  db: Db,
  q: { token: unknown; purpose: EmailTokenPurpose; now: number },
): string | null {
  if (!looksLikeEmailToken(q.token)) return null;
  const row = db
    .update(emailTokens)
    .set({ usedAt: q.now })
    .where(usable(q.token, q.purpose, q.now))
    .returning({ userId: emailTokens.userId })
    .get();
  return row?.userId ?? null;
}

/** After a reset or a verification the user's other links of that kind stop working too. */
export function spendAllEmailTokens(
  db: Db,
  q: { userId: string; purpose: EmailTokenPurpose; now: number },
): void {
  db.update(emailTokens)
    .set({ usedAt: q.now })
    .where(
      and(
        eq(emailTokens.userId, q.userId),
        eq(emailTokens.purpose, q.purpose),
        isNull(emailTokens.usedAt),
      ),
    )
    .run();
}

/** Expired tokens go; a spent one goes when it would have expired (at most a day later). */
export function purgeEmailTokens(db: Db, now: number): number {
  return db.delete(emailTokens).where(lte(emailTokens.expiresAt, now)).run().changes;
}
