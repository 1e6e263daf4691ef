import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { transaction, TxMisuseError } from "@/db/engine";
import { users } from "@/db/schema";
import { sqliteClient } from "@/tests/support/db/raw";
import { createTestDb, type TestDb } from "@/tests/support/db/test-db";

// drizzle's better-sqlite3 session prepares every query anew; each SQLite connection keeps
// its statements by SQL text instead (db/engine/sqlite.ts, guard()): bench/, Shared with Me.
describe("SQLite: statements reused per connection", () => {
  let tdb: TestDb;
  beforeAll(async () => {
    tdb = await createTestDb("sqlite");
    await transaction(tdb.db, async (tx) => {
      await tx.insert(users).values([
        { id: "s1", email: "s1@example.test", name: "One", passwordHash: "x", createdAt: 1 },
        { id: "s2", email: "s2@example.test", name: "Two", passwordHash: "x", createdAt: 2 },
      ]);
    });
  });
  afterAll(() => tdb?.close());

  it("hands back the same statement for the same text, and a new one for another text", () => {
    const reader = sqliteClient(tdb.db);
    const a = reader.prepare("select id from users where id = ?");
    expect(reader.prepare("select id from users where id = ?")).toBe(a);
    expect(reader.prepare("select id from users where id = ? ")).not.toBe(a);
  });

  it("resets raw/pluck/expand on reuse: a raw select then a plain one of the same text read right", () => {
    const reader = sqliteClient(tdb.db);
    const text = "select id, name from users order by id";
    expect(reader.prepare(text).raw().all()).toEqual([
      ["s1", "One"],
      ["s2", "Two"],
    ]);
    expect(reader.prepare(text).all()).toEqual([
      { id: "s1", name: "One" },
      { id: "s2", name: "Two" },
    ]);
    reader.prepare(text).pluck();
    expect(reader.prepare(text).get()).toEqual({ id: "s1", name: "One" });
  });

  it("never hands out a statement that is still iterating", () => {
    const reader = sqliteClient(tdb.db);
    const text = "select id from users order by id";
    const it1 = reader.prepare(text).iterate() as IterableIterator<{ id: string }>;
    expect(it1.next().value).toEqual({ id: "s1" });
    // The same text while the first is mid-iteration: a separate statement that works.
    expect(reader.prepare(text).all()).toEqual([{ id: "s1" }, { id: "s2" }]);
    expect(it1.next().value).toEqual({ id: "s2" });
    it1.return?.();
  });

  it("drizzle queries read the same rows on every run (objects, joins, new parameters)", async () => {
    const byId = (id: string) =>
      tdb.db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, id));
    for (let i = 0; i < 3; i++) {
      expect(await byId("s1")).toEqual([{ id: "s1", name: "One" }]);
      expect(await byId("s2")).toEqual([{ id: "s2", name: "Two" }]);
    }
    expect((await tdb.db.execute(sql`select count(*) as n from users`)).rows).toEqual([{ n: 2 }]);
  });

  it("still refuses a cached statement on the wrong connection (the guard runs on every prepare)", async () => {
    const text = "select id from users order by id";
    const reader = sqliteClient(tdb.db);
    reader.prepare(text); // cached on the reader
    await expect(
      transaction(tdb.db, async () => {
        reader.prepare(text);
      }),
    ).rejects.toBeInstanceOf(TxMisuseError);
    await expect(
      transaction(tdb.db, async () => {
        await tdb.db.select({ id: users.id }).from(users);
      }),
    ).rejects.toBeInstanceOf(TxMisuseError);
  });
});
