"use server";

import "server-only";
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { authedAction, isNextControlFlow, publicAction, Reply } from "@/lib/request/action";
import { signIn, signOut } from "@/lib/accounts/auth";
import { requestPasswordReset, resetPassword } from "@/lib/accounts/password-reset";
import { clearSignInLimits } from "@/lib/accounts/sign-in-limits";
import { endAllSessions } from "@/lib/accounts/user-sessions";
import { isVerified, sendVerificationEmail } from "@/lib/accounts/verification";
import { clientIp } from "@/lib/request/client-ip";
import { kickEmailWorker } from "@/lib/platform/email/worker";
import { DomainError, RateLimitedError } from "@/lib/platform/errors";
import { LIMITS, hit, tooMany } from "@/lib/platform/rate-limit";
import { emailSchema, newPasswordSchema } from "@/lib/accounts/users";

/** Said whether or not an account has the address: the form must not tell who has one. */
const RESET_SENT_MESSAGE =
  "If an account uses this address, we have sent it a link to set a new password. The link works for 1 hour.";

const forgotSchema = z.object({ email: emailSchema });

/** "Forgot password?": a reset link to the address, limited per address and per client. */
export const forgotPasswordAction = publicAction(forgotSchema, async ({ email }, { db, now }) => {
  for (const [key, limit] of [
    [`reset:ip:${await clientIp()}`, LIMITS.resetPerIp],
    [`reset:email:${email}`, LIMITS.resetPerEmail],
  ] as const) {
    const r = await hit(db, key, limit, now);
    if (!r.ok) throw new RateLimitedError(tooMany(r.retryAfterS), r.retryAfterS, "email");
  }
  if (await requestPasswordReset(db, email, now)) kickEmailWorker(getDb);
  return new Reply({ email }, RESET_SENT_MESSAGE);
});

const resetSchema = z.object({
  token: z
    .string({ error: "This reset link is not valid." })
    .min(1, "This reset link is not valid.")
    .max(200, "This reset link is not valid."),
  newPassword: newPasswordSchema,
});

/**
 * Sets the new password through the emailed link: every session of the account ends, the
 * address counts as verified, and this browser is signed in with the new password.
 */
export const resetPasswordAction = publicAction(resetSchema, async (input, { db, now }) => {
  const address = await clientIp();
  const limited = await hit(db, `reset-set:ip:${address}`, LIMITS.resetPerIp, now);
  if (!limited.ok) throw new RateLimitedError(tooMany(limited.retryAfterS), limited.retryAfterS);
  const user = await resetPassword(db, { token: input.token, newPassword: input.newPassword, now });
  if (!user)
    throw new DomainError(
      "This reset link has expired or was already used. Ask for a new one.",
      undefined,
      "conflict",
    );
  // The link proved who this is: guesses made from this address no longer stand in the way.
  await clearSignInLimits(db, { email: user.email, address });
  try {
    await signIn("credentials", {
      email: user.email,
      password: input.newPassword,
      redirectTo: "/account?reset=1",
    });
  } catch (e) {
    if (isNextControlFlow(e)) throw e;
    if (!(e instanceof AuthError) && (e as { code?: unknown })?.code !== "rate_limited") throw e;
  }
  // The password is set either way; if signing in here was refused, the form says so next.
  redirect("/sign-in?reset=1");
});

/** Another verification email, at most once a minute and 10 times a day per account. */
export const resendVerificationAction = authedAction(
  z.object({}),
  async (_input, { db, user, now }) => {
    if (isVerified(user))
      throw new DomainError("Your email address is already verified.", undefined, "conflict");
    for (const [key, limit] of [
      [`verify:min:${user.id}`, LIMITS.verifyResendPerMinute],
      [`verify:day:${user.id}`, LIMITS.verifyResendPerDay],
    ] as const) {
      const r = await hit(db, key, limit, now);
      if (!r.ok)
        throw new RateLimitedError(
          `A verification email was sent a moment ago. You can ask for another in ${r.retryAfterS} s.`,
          r.retryAfterS,
        );
    }
    await sendVerificationEmail(db, user, now);
    kickEmailWorker(getDb);
    return { sentTo: user.email };
  },
);

/** Ends every session of the account, this one included. */
export const signOutEverywhereAction = authedAction(z.object({}), async (_input, { db, user }) => {
  await endAllSessions(db, user.id);
  await signOut({ redirectTo: "/sign-in?signedOut=everywhere" });
});
