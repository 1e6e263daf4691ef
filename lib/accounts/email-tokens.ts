import { type Conn, transaction, affected } from "@/db/engine";
import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, gt, isNull, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { emailTokens } from "@/db/schema";
import { looksLikeToken, newId } from "@/lib/platform/ids";
import { hashToken } from "@/lib/platform/token-hash";
import { DAY, HOUR } from "@/lib/platform/time";

export type EmailTokenPurpose = "verify" | "reset";

/** How long each kind of emailed link works. */
export const EMAIL_TOKEN_TTL_MS: Record<EmailTokenPurpose, number> = {
  verify: DAY,
  reset: HOUR,
};

/** A new single-use token for `userId`; returns the raw token (to email), stores only its hash. */
export async function createEmailToken(
  db: Conn,
  q: { userId: string; purpose: EmailTokenPurpose; now: number },
): Promise<string> {
  return transaction(db, async (tx) => {
    const token = randomBytes(32).toString("base64url");
    await tx.insert(emailTokens).values({
      id: newId(),
      userId: q.userId,
      purpose: q.purpose,
      tokenHash: hashToken(token),
      expiresAt: q.now + EMAIL_TOKEN_TTL_MS[q.purpose],
      createdAt: q.now,
    });
    return token;
  });
}

const usable = (token: string, purpose: EmailTokenPurpose, now: number) =>
  and(
    eq(emailTokens.tokenHash, hashToken(token)),
    eq(emailTokens.purpose, purpose),
    isNull(emailTokens.usedAt),
    gt(emailTokens.expiresAt, now),
  );

/** Whose token this is, while it is unused and unexpired; spends nothing (the reset page's first look). */
export async function peekEmailToken(
  db: Db,
  q: { token: unknown; purpose: EmailTokenPurpose; now: number },
): Promise<string | null> {
  if (!looksLikeToken(q.token)) return null;
  return (
    (
      await db
        .select({ userId: emailTokens.userId })
        .from(emailTokens)
        .where(usable(q.token, q.purpose, q.now))
    )[0]?.userId ?? null
  );
}

/**
 * Spends the token: one guarded UPDATE, so of two concurrent uses exactly one gets the user
 * id and the other null. Unknown, used, expired or other-purpose tokens give null alike.
 */
export async function consumeEmailToken(
  db: Conn,
  q: { token: unknown; purpose: EmailTokenPurpose; now: number },
): Promise<string | null> {
  return transaction(db, async (tx) => {
    if (!looksLikeToken(q.token)) return null;
    const row = (
      await tx
        .update(emailTokens)
        .set({ usedAt: q.now })
        .where(usable(q.token, q.purpose, q.now))
        .returning({ userId: emailTokens.userId })
    )[0];
    return row?.userId ?? null;
  });
}

/** After a reset or a verification the user's other links of that kind stop working too. */
export async function spendAllEmailTokens(
  db: Conn,
  q: { userId: string; purpose: EmailTokenPurpose; now: number },
): Promise<void> {
  return transaction(db, async (tx) => {
    await tx
      .update(emailTokens)
      .set({ usedAt: q.now })
      .where(
        and(
          eq(emailTokens.userId, q.userId),
          eq(emailTokens.purpose, q.purpose),
          isNull(emailTokens.usedAt),
        ),
      );
  });
}

/** Expired tokens go; a spent one goes when it would have expired (at most a day later). */
export async function purgeEmailTokens(db: Conn, now: number): Promise<number> {
  return transaction(db, async (tx) => {
    return affected(await tx.delete(emailTokens).where(lte(emailTokens.expiresAt, now)));
  });
}
