import { randomBytes } from "node:crypto";
import { and, eq, gt, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiTokens, userSessions, users, type User } from "@/db/schema";

/** As long as the session cookie itself (Auth.js `session.maxAge`). */
export const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;

/** A new session row for a successful sign-in; its id goes into the JWT as `sid`. */
export function createSession(db: Db, userId: string, now: number): string {
  const id = randomBytes(32).toString("base64url");
  // Opportunistic cleanup of this user's lapsed rows (indexed by user): nothing piles up.
  db.delete(userSessions)
    .where(and(eq(userSessions.userId, userId), lte(userSessions.expiresAt, now)))
    .run();
  db.insert(userSessions)
    .values({ id, userId, createdAt: now, expiresAt: now + SESSION_MAX_AGE_S * 1000 })
    .run();
  return id;
}

type Lookup = ReturnType<typeof prepareLookup>;
const lookups = new WeakMap<Db, Lookup>();

function prepareLookup(db: Db) {
  return db
    .select({ user: users })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(
      and(
        eq(userSessions.id, sql.placeholder("sid")),
        gt(userSessions.expiresAt, sql.placeholder("now")),
      ),
    )
    .prepare();
}

/**
 * The user of a live session, in one query: the session row by primary key joined to its
 * user by primary key. This replaced the plain user lookup every request already made, so
 * checking the session costs no extra round trip. The statement is prepared once per
 * connection (Drizzle would otherwise rebuild the SQL on every request).
 */
export function findSessionUser(db: Db, sid: string, now: number): User | undefined {
  let lookup = lookups.get(db);
  if (!lookup) lookups.set(db, (lookup = prepareLookup(db)));
  return lookup.get({ sid, now })?.user;
}

/** Sign out: this session's cookie, and every copy of it, stops working. */
export function endSession(db: Db, sid: string): void {
  db.delete(userSessions).where(eq(userSessions.id, sid)).run();
}

/**
 * Every session of the user ends, and the session version moves on so that no cookie issued
 * before (even one from before sessions had rows) can come back. The user's API tokens are
 * revoked too: whoever stole a session could have minted one, and "Sign out everywhere" or a
 * password reset must lock them out as well (docs/decisions/0007-public-api-and-webhooks.md).
 */
export function endAllSessions(db: Db, userId: string, now = Date.now()): void {
  db.transaction((tx) => {
    tx.delete(userSessions).where(eq(userSessions.userId, userId)).run();
    tx.update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId))
      .run();
    tx.update(apiTokens)
      .set({ revokedAt: now })
      .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
      .run();
  });
}

export function purgeExpiredSessions(db: Db, now: number): number {
  return db.delete(userSessions).where(lte(userSessions.expiresAt, now)).run().changes;
}
