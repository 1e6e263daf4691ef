import { sqliteClient } from "@/tests/support/db/raw";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { drizzle } from "drizzle-orm/better-sqlite3";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";
import { userSessions, users } from "@/db/schema";
import { makeUser, T0, testDb } from "@/lib/sharing/test-fixtures";
import {
  SESSION_MAX_AGE_S,
  createSession,
  endAllSessions,
  endSession,
  findSessionUser,
  purgeExpiredSessions,
} from "./user-sessions";

const LIFE = SESSION_MAX_AGE_S * 1000;

describe("sessions that can end", () => {
  it("a session finds its user until it ends or lapses", async () => {
    const db = await testDb();
    const u = await makeUser(db);
    const sid = await createSession(db, u.id, T0);
    expect(sid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await findSessionUser(db, sid, T0 + 1))?.id).toBe(u.id);
    expect(await findSessionUser(db, sid, T0 + LIFE)).toBeUndefined();
    expect(await findSessionUser(db, "forged", T0 + 1)).toBeUndefined();
    await endSession(db, sid);
    expect(await findSessionUser(db, sid, T0 + 1)).toBeUndefined();
  });

  it("ending one session leaves the others; ending all bumps the session version", async () => {
    const db = await testDb();
    const u = await makeUser(db);
    const other = await makeUser(db);
    const [a, b, c] = [
      await createSession(db, u.id, T0),
      await createSession(db, u.id, T0),
      await createSession(db, other.id, T0),
    ];
    await endSession(db, a);
    expect((await findSessionUser(db, b, T0))?.id).toBe(u.id);
    await endAllSessions(db, u.id);
    expect(await findSessionUser(db, b, T0)).toBeUndefined();
    expect((await findSessionUser(db, c, T0))?.id).toBe(other.id);
    expect((await db.select().from(users).where(eq(users.id, u.id)))[0]!.sessionVersion).toBe(1);
  });

  it("the lookup is one query that reaches both rows by primary key (no scan)", async () => {
    const db = await testDb();
    const u = await makeUser(db);
    const sid = await createSession(db, u.id, T0);
    // The SQL the lookup really sends, through Drizzle's logger on the same connection.
    const sent: { sql: string; params: unknown[] }[] = [];
    const logging = drizzle(sqliteClient(db), {
      schema,
      logger: { logQuery: (sql, params) => sent.push({ sql, params }) },
    }) as unknown as Db;
    expect((await findSessionUser(logging, sid, T0))?.id).toBe(u.id);
    expect(sent).toHaveLength(1);
    const plan = sqliteClient(db)
      .prepare(`explain query plan ${sent[0].sql}`)
      .all(...(sent[0].params as never[])) as { detail: string }[];
    expect(plan.map((p) => p.detail)).toEqual([
      expect.stringMatching(
        /^SEARCH user_sessions USING INDEX sqlite_autoindex_user_sessions_1 \(id=\?\)$/,
      ),
      expect.stringMatching(/^SEARCH users USING INDEX sqlite_autoindex_users_1 \(id=\?\)$/),
    ]);
  });

  it("lapsed rows go: the user's own on their next sign-in, everyone's in housekeeping", async () => {
    const db = await testDb();
    const u = await makeUser(db);
    const other = await makeUser(db);
    await createSession(db, u.id, T0);
    await createSession(db, other.id, T0);
    await createSession(db, u.id, T0 + LIFE); // the user's old row is gone now
    expect((await db.select().from(userSessions)).map((s) => s.userId).sort()).toEqual(
      [u.id, other.id].sort(),
    );
    expect(await purgeExpiredSessions(db, T0 + LIFE)).toBe(1);
    expect((await db.select().from(userSessions)).map((s) => s.userId)).toEqual([u.id]);
  });
});
