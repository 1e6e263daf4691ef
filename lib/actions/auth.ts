"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { getDb } from "@/db/client";
import { domainErrorState, fieldErrorsOf, isNextControlFlow, type ActionState } from "@/lib/action";
import { signIn, signOut } from "@/lib/auth/auth";
import { safeReturnPath } from "@/lib/auth/session";
import { formDataToObject } from "@/lib/form-data";
import { changePassword, changePasswordSchema, createUser, emailSchema, signUpSchema } from "@/lib/users";
import { authedAction } from "@/lib/action";
import { clientIp } from "@/lib/client-ip";
import { LIMITS, hit, resetLimit, tooMany } from "@/lib/rate-limit";

const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(200),
});

async function signInAndGo(email: string, password: string, callbackUrl: unknown): Promise<ActionState> {
  const db = getDb();
  const now = Date.now();
  const accountKey = `signin:account:${email}`;
  // Per account (guessing one password) and per address (trying many accounts).
  for (const [key, limit] of [[accountKey, LIMITS.signInPerAccount], [`signin:ip:${await clientIp()}`, LIMITS.signInPerIp]] as const) {
    const r = hit(db, key, limit, now);
    if (!r.ok) return { ok: false, message: tooMany(r.retryAfterS), errors: { password: [tooMany(r.retryAfterS)] } };
  }
  try {
    await signIn("credentials", { email, password, redirectTo: safeReturnPath(callbackUrl) });
    return { ok: true };
  } catch (e) {
    if (isNextControlFlow(e)) {
      resetLimit(db, accountKey); // signed in: earlier typos no longer count
      throw e;
    }
    if (e instanceof AuthError) {
      // One message for unknown email and wrong password: sign-in must not reveal who has an account.
      return { ok: false, message: "Wrong email or password.", errors: { password: ["Wrong email or password."] } };
    }
    return domainErrorState(e);
  }
}

/** The forms send FormData; anything else a crafted request sends is read as an empty form (not a 500). */
const formInput = (v: unknown): Record<string, unknown> => (v instanceof FormData ? formDataToObject(v) : {});

export async function signInAction(_prev: ActionState | undefined, formData: FormData): Promise<ActionState> {
  const raw = formInput(formData);
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return fieldErrorsOf(parsed.error);
  return signInAndGo(parsed.data.email, parsed.data.password, raw.callbackUrl);
}

export async function signUpAction(_prev: ActionState | undefined, formData: FormData): Promise<ActionState> {
  const raw = formInput(formData);
  const parsed = signUpSchema.safeParse(raw);
  if (!parsed.success) return fieldErrorsOf(parsed.error);
  const limited = hit(getDb(), `signup:ip:${await clientIp()}`, LIMITS.signUpPerIp, Date.now());
  if (!limited.ok) return { ok: false, message: tooMany(limited.retryAfterS) };
  try {
    await createUser(getDb(), parsed.data, Date.now());
  } catch (e) {
    return domainErrorState(e);
  }
  return signInAndGo(parsed.data.email, parsed.data.password, raw.callbackUrl);
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}

/** Changes the password; this browser signs in again, every other session is signed out. */
export const changePasswordAction = authedAction(changePasswordSchema, async (input, { db, user }) => {
  await changePassword(db, user.id, input.currentPassword, input.newPassword);
  await signIn("credentials", { email: user.email, password: input.newPassword, redirectTo: "/account?changed=1" });
});
