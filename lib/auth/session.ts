import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import type { User } from "@/db/schema";
import { sessionFromCookieHeader } from "@/lib/auth/session-token";
import { findUserById } from "@/lib/users";

/** The signed-in user, read from the database on every request (deleted users and old sessions lose access at once). */
export const getCurrentUser = cache(async (): Promise<User | null> => {
  const claims = await sessionFromCookieHeader((await headers()).get("cookie") ?? "", process.env.AUTH_SECRET);
  if (!claims) return null;
  const user = findUserById(getDb(), claims.userId);
  if (!user || user.sessionVersion !== claims.sessionVersion) return null;
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
