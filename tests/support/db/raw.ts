// The SQLite connection under a test database, for what only SQLite has: EXPLAIN QUERY PLAN
// checks, triggers, WAL checkpoints. Tests that use it run on SQLite only.
import DatabaseClass from "better-sqlite3";
import type Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { closeDb, engineKindOf, migrateDb, openDb, transaction, type Db } from "@/db/engine";

export function sqliteClient(db: Db): Database.Database {
  if (engineKindOf(db) !== "sqlite") throw new Error("sqliteClient(): not a SQLite database");
  // The root handle is drizzle's better-sqlite3 instance on the reader connection
  // (db/engine/sqlite.ts); its driver is $client.
  return (db as unknown as { $client: Database.Database }).$client;
}

export { closeDb };

/** A SQLite database file opened through the engine (migrated first when asked). */
export async function openSqliteFile(file: string, migrate = false): Promise<Db> {
  const db = openDb({ kind: "sqlite", path: file });
  if (migrate) await migrateDb(db);
  return db;
}

/**
 * A trigger that fails an insert into share_events for the share addressed to zed@x.com,
 * on either engine: a write that fails after others in the same transaction.
 */
export async function createFailingTrigger(db: Db): Promise<void> {
  const ddl =
    engineKindOf(db) === "sqlite"
      ? [
          sql`create trigger boom before insert on share_events
            when (select recipient_email from shares where id = new.share_id) = 'zed@x.com'
            begin select raise(abort, 'boom'); end`,
        ]
      : [
          sql`create function boom() returns trigger language plpgsql as $$ begin
            if (select recipient_email from shares where id = new.share_id) = 'zed@x.com'
            then raise exception 'boom'; end if; return new; end $$`,
          sql`create trigger boom before insert on share_events for each row execute function boom()`,
        ];
  await transaction(db, async (tx) => {
    for (const statement of ddl) await tx.execute(statement);
  });
}

export type SentStatement = { sql: string; params: unknown[] };

/**
 * The statements `run` sends, as the SQLite driver receives them, with their parameters.
 * `run` gets a second handle on the same file, opened while every better-sqlite3
 * connection prepares through a recording prepare (the engine binds prepare when it opens
 * a connection, so its reader, writer and snapshot connections all record). Connection
 * setup and transaction control are left out.
 */
export async function captureStatements(
  db: Db,
  run: (db: Db) => Promise<unknown>,
): Promise<SentStatement[]> {
  const out: SentStatement[] = [];
  const proto = DatabaseClass.prototype as unknown as {
    prepare: (this: Database.Database, text: string) => Database.Statement;
  };
  const original = proto.prepare;
  proto.prepare = function (text: string) {
    const stmt = original.call(this, text);
    const entry: SentStatement = { sql: text, params: [] };
    out.push(entry);
    for (const method of ["all", "get", "run", "iterate"] as const) {
      const call = (stmt[method] as (...a: unknown[]) => unknown).bind(stmt);
      (stmt as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        entry.params = args;
        return call(...args);
      };
    }
    return stmt;
  };
  let second: Db | undefined;
  try {
    second = await openSqliteFile(sqliteClient(db).name);
    await run(second);
  } finally {
    proto.prepare = original;
    if (second) await closeDb(second);
  }
  return out.filter((s) => /^\s*(select|with)\b/i.test(s.sql));
}

/** EXPLAIN QUERY PLAN details of each statement, on `db`'s file. */
export function queryPlans(db: Db, statements: readonly SentStatement[]): string[][] {
  return statements.map((s) =>
    (
      sqliteClient(db)
        .prepare(`EXPLAIN QUERY PLAN ${s.sql}`)
        .all(...(s.params as never[])) as { detail: string }[]
    ).map((p) => p.detail),
  );
}
