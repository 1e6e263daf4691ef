import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import type { User } from "@/db/schema";
import { auth } from "@/lib/auth/auth";
import { findUserById } from "@/lib/users";

/** The signed-in user, read from the database on every request (deleted users and old sessions lose access at once). */
export const getCurrentUser = cache(async (): Promise<User | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = findUserById(getDb(), id);
  const sv = (session as { sv?: number }).sv ?? 0;
  if (!user || user.sessionVersion !== sv) return null;
  return user;
});

/** For private pages: signed-out visitors go to sign-in and come back to `returnTo` afterwards. */
export async function requireUser(returnTo: string): Promise<User> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** Only same-origin paths may be returned to: no open redirects. */
export function safeReturnPath(value: unknown, fallback = "/devices"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return fallback;
  }
  return value;
}
