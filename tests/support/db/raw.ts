// The SQLite connection under a test database, for what only SQLite has: EXPLAIN QUERY PLAN
// checks, triggers, WAL checkpoints. Tests that use it run on SQLite only.
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
