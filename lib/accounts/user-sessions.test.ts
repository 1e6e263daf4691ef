import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { captureStatements, queryPlans } from "@/tests/support/db/raw";
import { testEngineKind } from "@/tests/support/db/test-db";
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

  // SQLite's EXPLAIN QUERY PLAN: the plan test runs on SQLite only.
  it.skipIf(testEngineKind() === "postgres")(
    "the lookup is one query that reaches both rows by primary key (no scan)",
    async () => {
      const db = await testDb();
      const u = await makeUser(db);
      const sid = await createSession(db, u.id, T0);
      // The SQL the lookup really sends, as the driver receives it.
      let found: string | undefined;
      const sent = await captureStatements(db, async (d) => {
        found = (await findSessionUser(d, sid, T0))?.id;
      });
      expect(found).toBe(u.id);
      expect(sent).toHaveLength(1);
      const [plan] = queryPlans(db, sent);
      expect(plan).toEqual([
        expect.stringMatching(
          /^SEARCH user_sessions USING INDEX sqlite_autoindex_user_sessions_1 \(id=\?\)$/,
        ),
        expect.stringMatching(/^SEARCH users USING INDEX sqlite_autoindex_users_1 \(id=\?\)$/),
      ]);
    },
  );

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
