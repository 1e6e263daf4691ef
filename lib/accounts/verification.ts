// Proving that an account's email address is its owner's: a verification link (24 h, single
// use), or a sharing link sent to that address. Until then, shares addressed to the email are
// invisible to the account (lib/sharing/share-store.ts, isRecipient).
import { type Conn, transaction, affected } from "@/db/engine";
import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users, type User } from "@/db/schema";
import { appUrl } from "@/lib/platform/email/app-url";
import { verifyEmailEmail } from "@/lib/platform/email/account-templates";
import { queueEmail } from "@/lib/platform/email/outbox";
import { invitedEmailForReturnPath } from "@/lib/sharing/links/invited-email";
import { consumeEmailToken, createEmailToken, spendAllEmailTokens } from "./email-tokens";

export const isVerified = (u: Pick<User, "emailVerified">): boolean => u.emailVerified != null;

/** Marks the address proven (once: the first proof's time is kept). True when it changed. */
export async function markVerified(db: Conn, userId: string, now: number): Promise<boolean> {
  return transaction(db, async (tx) => {
    return (
      affected(
        await tx
          .update(users)
          .set({ emailVerified: now })
          .where(and(eq(users.id, userId), isNull(users.emailVerified))),
      ) === 1
    );
  });
}

/** Queues the verification email with a fresh link; the caller kicks the email worker. */
export async function sendVerificationEmail(
  db: Conn,
  user: Pick<User, "id" | "email" | "name">,
  now: number,
): Promise<void> {
  // One transaction: the token and its email, or neither.
  await transaction(db, async (tx) => {
    const token = await createEmailToken(tx, { userId: user.id, purpose: "verify", now });
    await queueEmail(
      tx,
      {
        to: user.email,
        ...verifyEmailEmail({ name: user.name, link: `${appUrl()}/verify-email/${token}` }),
      },
      now,
    );
  });
}

/**
 * Spends a verification token and verifies its account. Null when the token is unknown,
 * used or expired (all alike). Every other verification link of the account is spent too.
 */
export async function verifyEmailWithToken(
  db: Db,
  token: unknown,
  now: number,
): Promise<{ userId: string } | null> {
  return transaction(db, async (tx) => {
    const userId = await consumeEmailToken(tx, { token, purpose: "verify", now });
    if (!userId) return null;
    await markVerified(tx, userId, now);
    await spendAllEmailTokens(tx, { userId, purpose: "verify", now });
    return { userId };
  });
}

/**
 * Signing up or in through a sharing link proves the address the link was sent to: when
 * `returnPath` is `/s/<token>` of a link that can still be answered and addressed to this
 * account's email, the account is verified. True when it was (or already is) verified.
 */
export async function verifyThroughLink(
  db: Db,
  user: Pick<User, "id" | "email" | "emailVerified">,
  returnPath: string,
  now: number,
): Promise<boolean> {
  if (isVerified(user)) return true;
  if ((await invitedEmailForReturnPath(db, returnPath, now)) !== user.email) return false;
  await markVerified(db, user.id, now);
  return true;
}
