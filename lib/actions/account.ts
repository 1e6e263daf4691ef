"use server";

import "server-only";
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import {
  authedAction,
  domainErrorState,
  fieldErrorsOf,
  isNextControlFlow,
  type ActionState,
} from "@/lib/request/action";
import { signIn, signOut } from "@/lib/accounts/auth";
import { requestPasswordReset, resetPassword } from "@/lib/accounts/password-reset";
import { clearSignInLimits } from "@/lib/accounts/sign-in-limits";
import { endAllSessions } from "@/lib/accounts/user-sessions";
import { isVerified, sendVerificationEmail } from "@/lib/accounts/verification";
import { clientIp } from "@/lib/request/client-ip";
import { kickEmailWorker } from "@/lib/platform/email/worker";
import { DomainError, RateLimitedError } from "@/lib/platform/errors";
import { formDataToObject } from "@/lib/request/form-data";
import { LIMITS, hit, tooMany } from "@/lib/platform/rate-limit";
import { emailSchema, newPasswordSchema } from "@/lib/accounts/users";

const formInput = (v: unknown): Record<string, unknown> =>
  v instanceof FormData ? formDataToObject(v) : {};

/** Said whether or not an account has the address: the form must not tell who has one. */
const RESET_SENT_MESSAGE =
  "If an account uses this address, we have sent it a link to set a new password. The link works for 1 hour.";

const forgotSchema = z.object({ email: emailSchema });

/** "Forgot password?": a reset link to the address, limited per address and per client. */
export async function forgotPasswordAction(
  _prev: ActionState | undefined,
  formData: FormData,
): Promise<ActionState<{ email: string }>> {
  const parsed = forgotSchema.safeParse(formInput(formData));
  if (!parsed.success) return fieldErrorsOf(parsed.error);
  const db = getDb();
  const now = Date.now();
  const { email } = parsed.data;
  for (const [key, limit] of [
    [`reset:ip:${await clientIp()}`, LIMITS.resetPerIp],
    [`reset:email:${email}`, LIMITS.resetPerEmail],
  ] as const) {
    const r = await hit(db, key, limit, now);
    if (!r.ok)
      return {
        ok: false,
        message: tooMany(r.retryAfterS),
        errors: { email: [tooMany(r.retryAfterS)] },
        data: { email },
      };
  }
  if (await requestPasswordReset(db, email, now)) kickEmailWorker(getDb);
  return { ok: true, message: RESET_SENT_MESSAGE, data: { email } };
}

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
export async function resetPasswordAction(
  _prev: ActionState | undefined,
  formData: FormData,
): Promise<ActionState> {
  const parsed = resetSchema.safeParse(formInput(formData));
  if (!parsed.success) return fieldErrorsOf(parsed.error);
  const db = getDb();
  const now = Date.now();
  const address = await clientIp();
  const limited = await hit(db, `reset-set:ip:${address}`, LIMITS.resetPerIp, now);
  if (!limited.ok) return { ok: false, message: tooMany(limited.retryAfterS) };
  let email: string;
  try {
    const user = await resetPassword(db, {
      token: parsed.data.token,
      newPassword: parsed.data.newPassword,
      now,
    });
    if (!user)
      return {
        ok: false,
        message: "This reset link has expired or was already used. Ask for a new one.",
      };
    email = user.email;
  } catch (e) {
    return domainErrorState(e);
  }
  // The link proved who this is: guesses made from this address no longer stand in the way.
  await clearSignInLimits(db, { email, address });
  try {
    await signIn("credentials", {
      email,
      password: parsed.data.newPassword,
      redirectTo: "/account?reset=1",
    });
  } catch (e) {
    if (isNextControlFlow(e)) throw e;
    if (!(e instanceof AuthError) && (e as { code?: unknown })?.code !== "rate_limited")
      return domainErrorState(e);
  }
  // The password is set either way; if signing in here was refused, the form says so next.
  redirect("/sign-in?reset=1");
}

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
