import { type Conn, transaction, affected } from "@/db/engine";
import { randomBytes } from "node:crypto";
import { and, eq, gt, isNull, lte, sql } from "drizzle-orm";
import { apiTokens, userSessions, users, type User } from "@/db/schema";

/** As long as the session cookie itself (Auth.js `session.maxAge`). */
export const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;

/** A new session row for a successful sign-in; its id goes into the JWT as `sid`. */
export async function createSession(db: Conn, userId: string, now: number): Promise<string> {
  return transaction(db, async (tx) => {
    const id = randomBytes(32).toString("base64url");
    // Opportunistic cleanup of this user's lapsed rows (indexed by user): nothing piles up.
    await tx
      .delete(userSessions)
      .where(and(eq(userSessions.userId, userId), lte(userSessions.expiresAt, now)));
    await tx
      .insert(userSessions)
      .values({ id, userId, createdAt: now, expiresAt: now + SESSION_MAX_AGE_S * 1000 });
    return id;
  });
}

/**
 * The user of a live session, in one query: the session row by primary key joined to its
 * user by primary key. This replaced the plain user lookup every request already made, so
 * checking the session costs no extra round trip.
 */
export async function findSessionUser(
  db: Conn,
  sid: string,
  now: number,
): Promise<User | undefined> {
  const [row] = await db
    .select({ user: users })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(and(eq(userSessions.id, sid), gt(userSessions.expiresAt, now)));
  return row?.user;
}

/** Sign out: this session's cookie, and every copy of it, stops working. */
export async function endSession(db: Conn, sid: string): Promise<void> {
  return transaction(db, async (tx) => {
    await tx.delete(userSessions).where(eq(userSessions.id, sid));
  });
}

/**
 * Every session of the user ends, and the session version moves on so that no cookie issued
 * before (even one from before sessions had rows) can come back. The user's API tokens are
 * revoked too: whoever stole a session could have minted one, and "Sign out everywhere" or a
 * password reset must lock them out as well (docs/decisions/0007-public-api-and-webhooks.md).
 */
export async function endAllSessions(db: Conn, userId: string, now = Date.now()): Promise<void> {
  await transaction(db, async (tx) => {
    await tx.delete(userSessions).where(eq(userSessions.userId, userId));
    await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId));
    await tx
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
  });
}

export async function purgeExpiredSessions(db: Conn, now: number): Promise<number> {
  return transaction(db, async (tx) => {
    return affected(await tx.delete(userSessions).where(lte(userSessions.expiresAt, now)));
  });
}
