// Password attempts are counted where the password is checked (Auth.js's authorize), so the
// sign-in form and POST /api/auth/callback/credentials share one set of limits.
import "server-only";
import type { Db } from "@/db/client";
import { LIMITS, hit, refund, resetLimit } from "@/lib/platform/rate-limit";
import { normalizeEmail } from "@/lib/accounts/users";

/** How long an answer waits once an account is being guessed at from many addresses. */
export const SLOW_SIGN_IN_MS = 2_000;

export type AttemptVerdict = { ok: true; slow: boolean } | { ok: false; retryAfterS: number };

const keys = (email: string, address: string) => {
  const e = normalizeEmail(email);
  return {
    pair: `signin:pair:${address}|${e}`,
    ip: `signin:ip:${address}`,
    account: `signin:account:${e}`,
  };
};

/**
 * Counts one password attempt before the password is checked. Refused beyond 10 per account
 * from one address, or 50 from one address whatever the account (per 15 minutes). Per
 * account from everywhere there is no hard lock, which a stranger could keep on forever:
 * beyond 20 attempts the answers are slowed down instead (`slow`), for everyone alike.
 */
export async function countSignInAttempt(
  db: Db,
  q: { email: string; address: string; now: number },
): Promise<AttemptVerdict> {
  const k = keys(q.email, q.address);
  const pair = await hit(db, k.pair, LIMITS.signInPerAccountAddress, q.now);
  const ip = await hit(db, k.ip, LIMITS.signInPerIp, q.now);
  const account = await hit(db, k.account, LIMITS.signInSlowAccount, q.now);
  if (!pair.ok) return pair;
  if (!ip.ok) return ip;
  return { ok: true, slow: !account.ok };
}

/** A right password: earlier typos from this address no longer count, nor does this attempt. */
export async function signInSucceeded(
  db: Db,
  q: { email: string; address: string },
): Promise<void> {
  const k = keys(q.email, q.address);
  await resetLimit(db, k.pair);
  await refund(db, k.ip);
}

/** After a password reset through the emailed link: this address's guesses no longer stand in the way. */
export async function clearSignInLimits(
  db: Db,
  q: { email: string; address: string },
): Promise<void> {
  await resetLimit(db, keys(q.email, q.address).pair);
}
