import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import type { User } from "@/db/schema";
import { sessionFromCookieHeader, type SessionClaims } from "@/lib/accounts/session-token";
import { findSessionUser } from "@/lib/accounts/user-sessions";

export { safeReturnPath } from "@/lib/accounts/return-path";

/** The session claims of this request's cookie (null when signed out or the cookie is bad). */
export const getSessionClaims = cache(async (): Promise<SessionClaims | null> =>
  sessionFromCookieHeader((await headers()).get("cookie") ?? "", process.env.AUTH_SECRET),
);

/**
 * The signed-in user, checked against the database on every request, in one indexed lookup
 * (the session row by primary key, joined to its user): a signed-out session, a deleted user
 * or a session from before a password change loses access at once.
 */
export const getCurrentUser = cache(async (): Promise<User | null> => {
  const claims = await getSessionClaims();
  if (!claims) return null;
  const user = await findSessionUser(getDb(), claims.sessionId, Date.now());
  if (!user || user.id !== claims.userId || user.sessionVersion !== claims.sessionVersion)
    return null;
  return user;
});

/** For private pages: signed-out visitors go to sign-in and come back to `returnTo` afterwards. */
export async function requireUser(returnTo: string): Promise<User> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
