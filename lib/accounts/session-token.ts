import { getToken } from "next-auth/jwt";

/**
 * The claims a Keyshare session carries: the user id, the session version it was issued for,
 * and the id of its row in user_sessions (`sid`), which sign-out deletes.
 */
export type SessionClaims = { userId: string; sessionVersion: number; sessionId: string };

const PLAIN = "authjs.session-token";
const SECURE = `__Secure-${PLAIN}`;

/**
 * Reads the Auth.js session cookie (chunked or not, `__Secure-` over HTTPS) from a Cookie
 * header and decrypts it with Auth.js's own `getToken`: the same check `auth()` makes, without
 * the rest of its session endpoint (a CSRF token, a re-encrypted cookie that a server
 * component could not set anyway, a Response to parse), which cost a page about a fifth of
 * its CPU. Expired, tampered or foreign tokens give null. Only the cookie is read: a bearer
 * header is no way in.
 */
export async function sessionFromCookieHeader(
  cookieHeader: string,
  secret: string | undefined,
): Promise<SessionClaims | null> {
  if (!cookieHeader || !secret) return null;
  const names = cookieHeader.split(";").map((part) => part.split("=", 1)[0].trim());
  const secure = names.some((n) => n === SECURE || n.startsWith(`${SECURE}.`));
  if (!secure && !names.some((n) => n === PLAIN || n.startsWith(`${PLAIN}.`))) return null;
  const token = await getToken({
    req: { headers: { cookie: cookieHeader } },
    secret,
    secureCookie: secure,
    // A bad cookie is an anonymous visitor, not an error worth a log line.
    logger: { error: () => {}, warn: () => {}, debug: () => {} },
  }).catch(() => null);
  if (!token || typeof token.sub !== "string" || !token.sub) return null;
  // Cookies from before sessions had rows carry no sid: they no longer open anything.
  if (typeof token.sid !== "string" || !token.sid) return null;
  return {
    userId: token.sub,
    sessionVersion: typeof token.sv === "number" ? token.sv : 0,
    sessionId: token.sid,
  };
}
