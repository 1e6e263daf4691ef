import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rateLimits } from "@/db/schema";

export type Limit = { limit: number; windowMs: number };

/** The limits in force; KEYSHARE_RATE_LIMIT=relaxed (the e2e suite) multiplies them by 100. */
export const LIMITS = {
  signInPerAccount: { limit: 10, windowMs: 15 * 60_000 },
  signInPerIp: { limit: 50, windowMs: 15 * 60_000 },
  signUpPerIp: { limit: 20, windowMs: 60 * 60_000 },
  linkPerIp: { limit: 120, windowMs: 60_000 },
} satisfies Record<string, Limit>;

function scaled(l: Limit): Limit {
  return process.env.KEYSHARE_RATE_LIMIT === "relaxed" ? { ...l, limit: l.limit * 100 } : l;
}

/**
 * Counts one attempt against `key` in a fixed window kept in the database (so limits hold
 * across restarts and processes). Returns how long to wait when the limit is exceeded.
 */
export function hit(db: Db, key: string, limit: Limit, now: number): { ok: true } | { ok: false; retryAfterS: number } {
  const { limit: max, windowMs } = scaled(limit);
  // One upsert: a new or expired window starts at 1, otherwise the count goes up.
  const row = db
    .insert(rateLimits)
    .values({ key, count: 1, resetAt: now + windowMs })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.resetAt} <= ${now} then 1 else ${rateLimits.count} + 1 end`,
        resetAt: sql`case when ${rateLimits.resetAt} <= ${now} then ${now + windowMs} else ${rateLimits.resetAt} end`,
      },
    })
    .returning()
    .get();
  if (row.count <= max) return { ok: true };
  return { ok: false, retryAfterS: Math.max(1, Math.ceil((row.resetAt - now) / 1000)) };
}

export function resetLimit(db: Db, key: string): void {
  db.delete(rateLimits).where(eq(rateLimits.key, key)).run();
}

export const tooMany = (s: number) => `Too many attempts. Try again in ${s} s.`;
