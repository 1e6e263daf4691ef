import { isUniqueViolation, transaction } from "@/db/engine";
import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { users, type User } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/accounts/password";
import { endAllSessions } from "@/lib/accounts/user-sessions";
import { DomainError } from "@/lib/platform/errors";
import { newId } from "@/lib/platform/ids";
import { normalizeEmail } from "@/lib/platform/email-address";

export const emailSchema = z
  .string({ error: "Enter an email address." })
  .trim()
  .toLowerCase()
  .max(254, "Email is too long.")
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }));

export const signUpSchema = z.object({
  name: z
    .string({ error: "Enter your name." })
    .trim()
    .min(1, "Enter your name.")
    .max(100, "Name is at most 100 characters."),
  email: emailSchema,
  password: z
    .string({ error: "Enter a password." })
    .min(8, "Password must be at least 8 characters.")
    .max(200, "Password is at most 200 characters."),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export { normalizeEmail };

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  return (
    await db
      .select()
      .from(users)
      .where(eq(users.email, normalizeEmail(email)))
  )[0];
}

export async function findUserById(db: Db, id: string): Promise<User | undefined> {
  return (await db.select().from(users).where(eq(users.id, id)))[0];
}

/** `verifiedAt`: when the address is already proven (sign-up through a sharing link sent to it). */
export async function createUser(
  db: Db,
  input: SignUpInput,
  now: number,
  verifiedAt: number | null = null,
): Promise<User> {
  const email = normalizeEmail(input.email);
  if (await findUserByEmail(db, email)) {
    throw new DomainError(
      "An account with this email already exists. Sign in instead.",
      "email",
      "conflict",
    );
  }
  const passwordHash = await hashPassword(input.password);
  const user: User = {
    id: newId(),
    email,
    name: input.name.trim(),
    passwordHash,
    emailVerified: verifiedAt,
    image: null,
    sessionVersion: 0,
    createdAt: now,
  };
  // The unique index settles a race between two sign-ups with the same email.
  try {
    await transaction(db, async (tx) => void (await tx.insert(users).values(user)));
  } catch (e) {
    if (isUniqueViolation(e, "users")) {
      throw new DomainError(
        "An account with this email already exists. Sign in instead.",
        "email",
        "conflict",
      );
    }
    throw e;
  }
  return user;
}

export const newPasswordSchema = z
  .string({ error: "Enter a new password." })
  .min(8, "The new password must be at least 8 characters.")
  .max(200, "Password is at most 200 characters.");

export const changePasswordSchema = z.object({
  currentPassword: z
    .string({ error: "Enter your current password." })
    .min(1, "Enter your current password.")
    .max(200),
  newPassword: newPasswordSchema,
});

/** New hash, and every session of this user ends at once (the caller signs this browser in again). */
export async function changePassword(
  db: Db,
  userId: string,
  current: string,
  next: string,
): Promise<void> {
  const user = await findUserById(db, userId);
  if (!user?.passwordHash || !(await verifyPassword(current, user.passwordHash))) {
    throw new DomainError("Your current password is not correct.", "currentPassword");
  }
  const passwordHash = await hashPassword(next);
  await transaction(db, async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    await endAllSessions(tx, userId);
  });
}
