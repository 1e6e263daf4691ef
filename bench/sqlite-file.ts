// SQLite-only bench plumbing: a file database migrated through the engine, and a raw
// better-sqlite3 connection beside it for what must not go through the domain (bulk seeding
// in SQL, the raw-insert floor, EXPLAIN QUERY PLAN). The engine's own connections are
// query_only outside transaction(), so raw writes need a connection of their own.
import Database from "better-sqlite3";
import fs from "node:fs";
import { closeDb, migrateDb, openDb, type Db } from "@/db/engine";

export function removeSqliteFile(file: string): void {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
}

/** The database file opened through the engine, migrated when asked. */
export async function openSqliteDb(file: string, migrate = false): Promise<Db> {
  const db = openDb({ kind: "sqlite", path: file });
  if (migrate) await migrateDb(db);
  return db;
}

/** A raw connection with the engine's pragmas (WAL, foreign keys, busy timeout). */
export function rawSqlite(file: string): Database.Database {
  const c = new Database(file);
  c.pragma("journal_mode = WAL");
  c.pragma("foreign_keys = ON");
  c.pragma("busy_timeout = 5000");
  c.pragma("synchronous = NORMAL");
  return c;
}

export { closeDb };
