import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { dummyPasswordHash, verifyPassword } from "@/lib/accounts/password";
import {
  SLOW_SIGN_IN_MS,
  countSignInAttempt,
  signInSucceeded,
} from "@/lib/accounts/sign-in-limits";
import {
  SESSION_MAX_AGE_S,
  createSession,
  endSession,
  findSessionUser,
} from "@/lib/accounts/user-sessions";
import { ipFromHeaders } from "@/lib/request/client-ip";
import { findUserByEmail } from "@/lib/accounts/users";

class InvalidLogin extends CredentialsSignin {
  code = "invalid_login";
}

/** Too many attempts; the sign-in action reads `retryAfterS` to say how long to wait. */
export class SignInRateLimited extends CredentialsSignin {
  code = "rate_limited";
  constructor(readonly retryAfterS: number) {
    super();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// The config is built lazily, per request, so `next build` never opens the database.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  trustHost: true,
  secret: process.env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/sign-in" },
  // A wrong password is an expected outcome, not a server error worth a stack trace.
  logger: {
    error(error) {
      if (
        (error as { type?: string }).type === "CredentialsSignin" ||
        error.name === "CredentialsSignin"
      )
        return;
      console.error("[auth]", error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      // Runs for the sign-in form (through signIn()) and for POST /api/auth/callback/credentials
      // alike: the one place a password is checked, so the one place attempts are counted.
      async authorize(credentials, request) {
        const email = typeof credentials?.email === "string" ? credentials.email : "";
        const password = typeof credentials?.password === "string" ? credentials.password : "";
        if (email.length > 254 || password.length > 200) throw new InvalidLogin();
        const db = getDb();
        const address = ipFromHeaders(request.headers);
        const verdict = await countSignInAttempt(db, { email, address, now: Date.now() });
        if (!verdict.ok) throw new SignInRateLimited(verdict.retryAfterS);
        const user = email ? await findUserByEmail(db, email) : undefined;
        // Verify against a dummy hash for unknown emails: same work, so timing reveals nothing.
        const ok = await verifyPassword(
          password,
          user?.passwordHash ?? (await dummyPasswordHash()),
        );
        if (verdict.slow) await sleep(SLOW_SIGN_IN_MS);
        if (!user || !user.passwordHash || !ok) throw new InvalidLogin();
        await signInSucceeded(db, { email, address });
        return { id: user.id, email: user.email, name: user.name, sv: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user, trigger }) {
      if (user && trigger === "signIn") {
        // Every sign-in is a session row; the cookie carries its id (see getCurrentUser).
        token.sub = user.id;
        token.sv = (user as { sv?: number }).sv ?? 0;
        token.sid = await createSession(getDb(), user.id!, Date.now());
        return token;
      }
      // Auth.js's own session endpoint: an ended session is no session (and its cookie is cleared).
      if (typeof token.sid !== "string" || !(await findSessionUser(getDb(), token.sid, Date.now())))
        return null;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      (session as { sv?: number }).sv = typeof token.sv === "number" ? token.sv : 0;
      return session;
    },
  },
  events: {
    // POST /api/auth/signout and the Sign out action both end the session row.
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await endSession(getDb(), sid);
    },
  },
}));
