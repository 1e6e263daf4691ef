import { type Conn, transaction, affected } from "@/db/engine";
import { createHash } from "node:crypto";
import { eq, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { DAY, HOUR, MINUTE } from "@/lib/platform/time";

/** `perAddress`: counted per client address, so KEYSHARE_RATE_LIMIT=relaxed may raise it (see `scaled`). */
export type Limit = { limit: number; windowMs: number; perAddress?: boolean };

/** The limits in force (docs/limits.md lists them). */
export const LIMITS = {
  /** Password attempts for one account from one address: the hard lock a stranger can only put on their own address. */
  signInPerAccountAddress: { limit: 10, windowMs: 15 * MINUTE },
  /** Password attempts from one address, whatever the account. */
  signInPerIp: { limit: 50, windowMs: 15 * MINUTE, perAddress: true },
  /** Attempts on one account from everywhere: beyond this, answers are slowed down (SLOW_SIGN_IN_MS), never refused. */
  signInSlowAccount: { limit: 20, windowMs: 15 * MINUTE },
  signUpPerIp: { limit: 20, windowMs: HOUR, perAddress: true },
  linkPerIp: { limit: 120, windowMs: MINUTE, perAddress: true },
  resetPerEmail: { limit: 3, windowMs: HOUR },
  resetPerIp: { limit: 20, windowMs: HOUR, perAddress: true },
  verifyResendPerMinute: { limit: 1, windowMs: MINUTE },
  verifyResendPerDay: { limit: 10, windowMs: DAY },
  invitationResendPerShare: { limit: 1, windowMs: MINUTE },
  invitationsPerSharerDay: { limit: 1_000, windowMs: DAY },
} satisfies Record<string, Limit>;

/**
 * KEYSHARE_RATE_LIMIT=relaxed (the end-to-end suite, whose every request comes from one
 * address) multiplies the per-address limits by 100. Limits per account, per email or per
 * share stay as they are, so the suite still proves them.
 */
function scaled(l: Limit): Limit {
  return l.perAddress && process.env.KEYSHARE_RATE_LIMIT === "relaxed"
    ? { ...l, limit: l.limit * 100 }
    : l;
}

/** Keys hold emails and addresses a client chose: long ones are stored as a hash, so a key stays short. */
export function boundedKey(key: string): string {
  if (key.length <= 120) return key;
  const colon = key.indexOf(":");
  const prefix = colon > 0 && colon <= 20 ? key.slice(0, colon) : "key";
  return `${prefix}:#${createHash("sha256").update(key).digest("base64url")}`;
}

/**
 * Counts `n` attempts (default 1) against `key` in a fixed window kept in the database (so
 * limits hold across restarts and processes). Returns how long to wait when the limit is
 * exceeded. Inside a caller's transaction, the count rolls back with it.
 */
export async function hit(
  db: Conn,
  key: string,
  limit: Limit,
  now: number,
  n = 1,
): Promise<{ ok: true } | { ok: false; retryAfterS: number }> {
  return transaction(db, async (tx) => {
    const { limit: max, windowMs } = scaled(limit);
    // One upsert: a new or expired window starts at n, otherwise the count goes up by n.
    const row = (
      await tx
        .insert(rateLimits)
        .values({ key: boundedKey(key), count: n, resetAt: now + windowMs })
        .onConflictDoUpdate({
          target: rateLimits.key,
          set: {
            count: sql`case when ${rateLimits.resetAt} <= ${now} then ${n} else ${rateLimits.count} + ${n} end`,
            resetAt: sql`case when ${rateLimits.resetAt} <= ${now} then ${now + windowMs} else ${rateLimits.resetAt} end`,
          },
        })
        .returning()
    )[0];
    if (row.count <= max) return { ok: true };
    return { ok: false, retryAfterS: Math.max(1, Math.ceil((row.resetAt - now) / 1000)) };
  });
}

/** How many attempts `key` has had in its current window (0 when none or expired). */
export async function attempts(db: Db, key: string, now: number): Promise<number> {
  const row = (
    await db
      .select()
      .from(rateLimits)
      .where(eq(rateLimits.key, boundedKey(key)))
  )[0];
  return row && row.resetAt > now ? row.count : 0;
}

export async function resetLimit(db: Conn, key: string): Promise<void> {
  return transaction(db, async (tx) => {
    await tx.delete(rateLimits).where(eq(rateLimits.key, boundedKey(key)));
  });
}

/** Gives one attempt back (a sign-in that succeeded does not count against its address). */
export async function refund(db: Conn, key: string): Promise<void> {
  return transaction(db, async (tx) => {
    await tx
      .update(rateLimits)
      .set({
        count: sql`case when ${rateLimits.count} > 0 then ${rateLimits.count} - 1 else 0 end`,
      })
      .where(eq(rateLimits.key, boundedKey(key)));
  });
}

/** Windows that are over carry nothing: the housekeeping round deletes them. */
export async function purgeRateLimits(db: Conn, now: number): Promise<number> {
  return transaction(db, async (tx) => {
    return affected(await tx.delete(rateLimits).where(lte(rateLimits.resetAt, now)));
  });
}

export const tooMany = (s: number) => `Too many attempts. Try again in ${s} s.`;
