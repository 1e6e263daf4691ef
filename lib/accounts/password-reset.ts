// "Forgot password?": a single-use link (1 h) to the account's address. Setting a new password
// through it ends every session of the account and proves the address.
import { transaction } from "@/db/engine";
import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users, type User } from "@/db/schema";
import { appUrl } from "@/lib/platform/email/app-url";
import { passwordResetEmail } from "@/lib/platform/email/account-templates";
import { queueEmail } from "@/lib/platform/email/outbox";
import { findUserByEmail, findUserById } from "@/lib/accounts/users";
import { hashPassword } from "./password";
import {
  consumeEmailToken,
  createEmailToken,
  peekEmailToken,
  spendAllEmailTokens,
} from "./email-tokens";
import { endAllSessions } from "./user-sessions";
import { markVerified } from "./verification";

/**
 * Queues a reset email when an account has this address; does nothing otherwise. Callers
 * answer the same either way, so the form does not tell who has an account.
 */
export async function requestPasswordReset(db: Db, email: string, now: number): Promise<boolean> {
  const user = await findUserByEmail(db, email);
  if (!user) return false;
  await transaction(db, async (tx) => {
    const token = await createEmailToken(tx, { userId: user.id, purpose: "reset", now });
    await queueEmail(
      tx,
      {
        to: user.email,
        ...passwordResetEmail({ name: user.name, link: `${appUrl()}/reset-password/${token}` }),
      },
      now,
    );
  });
  return true;
}

/** Whether the reset page should offer the form (spends nothing). */
export async function resetTokenUsable(db: Db, token: unknown, now: number): Promise<boolean> {
  return (await peekEmailToken(db, { token, purpose: "reset", now })) != null;
}

/**
 * Sets the new password if the token is still good, in one transaction: the token (and every
 * other reset link of the account) is spent, every session ends, the address counts as
 * verified (the link was sent to it). Null, with nothing written, when the token is not good.
 */
export async function resetPassword(
  db: Db,
  q: { token: unknown; newPassword: string; now: number },
): Promise<User | null> {
  if (!(await resetTokenUsable(db, q.token, q.now))) return null;
  const passwordHash = await hashPassword(q.newPassword);
  return transaction(db, async (tx) => {
    // Spent only here: of two tabs racing with the same link, one wins and the other gets null.
    const userId = await consumeEmailToken(tx, { token: q.token, purpose: "reset", now: q.now });
    if (!userId) return null;
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    await endAllSessions(tx, userId);
    await markVerified(tx, userId, q.now);
    await spendAllEmailTokens(tx, { userId, purpose: "reset", now: q.now });
    return (await findUserById(tx, userId)) ?? null;
  });
}
