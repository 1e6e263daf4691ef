"use server";

import "server-only";
import { AuthError } from "next-auth";
import { z } from "zod";
import { getDb } from "@/db/client";
import { authedAction, isNextControlFlow, publicAction } from "@/lib/request/action";
import { DomainError, RateLimitedError } from "@/lib/platform/errors";
import { signIn, signOut } from "@/lib/accounts/auth";
import { safeReturnPath } from "@/lib/accounts/return-path";
import { getSessionClaims } from "@/lib/accounts/session";
import { endSession } from "@/lib/accounts/user-sessions";
import { sendVerificationEmail, verifyThroughLink } from "@/lib/accounts/verification";
import { kickEmailWorker } from "@/lib/platform/email/worker";
import { invitedEmailForReturnPath } from "@/lib/sharing/links/invited-email";
import {
  changePassword,
  changePasswordSchema,
  createUser,
  emailSchema,
  findUserByEmail,
  signUpSchema,
} from "@/lib/accounts/users";
import { clientIp } from "@/lib/request/client-ip";
import { LIMITS, hit, tooMany } from "@/lib/platform/rate-limit";

const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(200),
  callbackUrl: z.unknown().optional(),
});

/**
 * Signs in through Auth.js, whose authorize() counts the attempt (lib/accounts/sign-in-limits.ts).
 * Signing in on the way back to a sharing link sent to this address proves the address.
 * Success is a redirect (thrown); a refusal is thrown as a DomainError on the password field.
 */
async function signInAndGo(email: string, password: string, back: string): Promise<void> {
  try {
    await signIn("credentials", { email, password, redirectTo: back });
  } catch (e) {
    if (isNextControlFlow(e)) {
      const db = getDb();
      const user = await findUserByEmail(db, email);
      if (user) await verifyThroughLink(db, user, back, Date.now());
      throw e;
    }
    const limited = e as { code?: unknown; retryAfterS?: unknown };
    if (limited?.code === "rate_limited") {
      const wait = typeof limited.retryAfterS === "number" ? limited.retryAfterS : 900;
      throw new RateLimitedError(tooMany(wait), wait, "password");
    }
    // One message for unknown email and wrong password: sign-in must not reveal who has an account.
    if (e instanceof AuthError) throw new DomainError("Wrong email or password.", "password");
    throw e;
  }
}

export const signInAction = publicAction(signInSchema, (input) =>
  signInAndGo(input.email, input.password, safeReturnPath(input.callbackUrl)),
);

/**
 * Creates the account and signs it in. Reached from a sharing link sent to this very address,
 * the address counts as verified; otherwise a verification email goes out.
 */
export const signUpAction = publicAction(
  signUpSchema.extend({ callbackUrl: z.unknown().optional() }),
  async ({ callbackUrl, ...input }, { db, now }) => {
    const limited = await hit(db, `signup:ip:${await clientIp()}`, LIMITS.signUpPerIp, now);
    if (!limited.ok) throw new RateLimitedError(tooMany(limited.retryAfterS), limited.retryAfterS);
    const back = safeReturnPath(callbackUrl);
    const throughLink = (await invitedEmailForReturnPath(db, back, now)) === input.email;
    const user = await createUser(db, input, now, throughLink ? now : null);
    if (!throughLink) {
      await sendVerificationEmail(db, user, now);
      kickEmailWorker(getDb);
    }
    await signInAndGo(input.email, input.password, back);
  },
);

/** Ends this session on the server too: a copy of the cookie stops working at once. */
export const signOutAction = publicAction(z.object({}), async (_input, { db }) => {
  const claims = await getSessionClaims();
  if (claims) await endSession(db, claims.sessionId);
  await signOut({ redirectTo: "/sign-in" });
});

/** Changes the password; every session ends, and this browser signs in again. */
export const changePasswordAction = authedAction(
  changePasswordSchema,
  async (input, { db, user }) => {
    await changePassword(db, user.id, input.currentPassword, input.newPassword);
    await signIn("credentials", {
      email: user.email,
      password: input.newPassword,
      redirectTo: "/account?changed=1",
    });
  },
);
