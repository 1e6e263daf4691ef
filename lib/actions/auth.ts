"use server";

import "server-only";
import { AuthError } from "next-auth";
import { z } from "zod";
import { getDb } from "@/db/client";
import {
  domainErrorState,
  fieldErrorsOf,
  isNextControlFlow,
  type ActionState,
} from "@/lib/request/action";
import { signIn, signOut } from "@/lib/accounts/auth";
import { safeReturnPath } from "@/lib/accounts/return-path";
import { getSessionClaims } from "@/lib/accounts/session";
import { endSession } from "@/lib/accounts/user-sessions";
import { sendVerificationEmail, verifyThroughLink } from "@/lib/accounts/verification";
import { kickEmailWorker } from "@/lib/platform/email/worker";
import { formDataToObject } from "@/lib/request/form-data";
import { invitedEmailForReturnPath } from "@/lib/sharing/links/invited-email";
import {
  changePassword,
  changePasswordSchema,
  createUser,
  emailSchema,
  findUserByEmail,
  signUpSchema,
} from "@/lib/accounts/users";
import { authedAction } from "@/lib/request/action";
import { clientIp } from "@/lib/request/client-ip";
import { LIMITS, hit, tooMany } from "@/lib/platform/rate-limit";

const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(200),
});

/**
 * Signs in through Auth.js, whose authorize() counts the attempt (lib/accounts/sign-in-limits.ts).
 * Signing in on the way back to a sharing link sent to this address proves the address.
 */
async function signInAndGo(email: string, password: string, back: string): Promise<ActionState> {
  try {
    await signIn("credentials", { email, password, redirectTo: back });
    return { ok: true };
  } catch (e) {
    if (isNextControlFlow(e)) {
      const db = getDb();
      const user = await findUserByEmail(db, email);
      if (user) await verifyThroughLink(db, user, back, Date.now());
      throw e;
    }
    const limited = e as { code?: unknown; retryAfterS?: unknown };
    if (limited?.code === "rate_limited") {
      const msg = tooMany(typeof limited.retryAfterS === "number" ? limited.retryAfterS : 900);
      return { ok: false, message: msg, errors: { password: [msg] } };
    }
    if (e instanceof AuthError) {
      // One message for unknown email and wrong password: sign-in must not reveal who has an account.
      return {
        ok: false,
        message: "Wrong email or password.",
        errors: { password: ["Wrong email or password."] },
      };
    }
    return domainErrorState(e);
  }
}

/** The forms send FormData; anything else a crafted request sends is read as an empty form (not a 500). */
const formInput = (v: unknown): Record<string, unknown> =>
  v instanceof FormData ? formDataToObject(v) : {};

export async function signInAction(
  _prev: ActionState | undefined,
  formData: FormData,
): Promise<ActionState> {
  const raw = formInput(formData);
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return fieldErrorsOf(parsed.error);
  return signInAndGo(parsed.data.email, parsed.data.password, safeReturnPath(raw.callbackUrl));
}

/**
 * Creates the account and signs it in. Reached from a sharing link sent to this very address,
 * the address counts as verified; otherwise a verification email goes out.
 */
export async function signUpAction(
  _prev: ActionState | undefined,
  formData: FormData,
): Promise<ActionState> {
  const raw = formInput(formData);
  const parsed = signUpSchema.safeParse(raw);
  if (!parsed.success) return fieldErrorsOf(parsed.error);
  const db = getDb();
  const now = Date.now();
  const limited = await hit(db, `signup:ip:${await clientIp()}`, LIMITS.signUpPerIp, now);
  if (!limited.ok) return { ok: false, message: tooMany(limited.retryAfterS) };
  const back = safeReturnPath(raw.callbackUrl);
  const throughLink = (await invitedEmailForReturnPath(db, back, now)) === parsed.data.email;
  try {
    const user = await createUser(db, parsed.data, now, throughLink ? now : null);
    if (!throughLink) {
      await sendVerificationEmail(db, user, now);
      kickEmailWorker(getDb);
    }
  } catch (e) {
    return domainErrorState(e);
  }
  return signInAndGo(parsed.data.email, parsed.data.password, back);
}

/** Ends this session on the server too: a copy of the cookie stops working at once. */
export async function signOutAction(): Promise<void> {
  const claims = await getSessionClaims();
  if (claims) await endSession(getDb(), claims.sessionId);
  await signOut({ redirectTo: "/sign-in" });
}

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
