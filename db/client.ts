import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import fs from "node:fs";
import path from "node:path";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

export function databasePath(): string {
  return path.resolve(
    /* turbopackIgnore: true */ process.env.DATABASE_PATH ?? "./data/keyshare.db",
  );
}

/** Opens a database with the pragmas every connection needs. `:memory:` is fine for tests. */
export function openDb(file: string, opts: { migrate?: boolean } = {}): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzle(sqlite, { schema }) as Db;
  if (opts.migrate) migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return db;
}

const globalForDb = globalThis as unknown as { keyshareDb?: Db };

/** The process-wide connection, opened once (cached on globalThis to survive hot reloads). */
export function getDb(): Db {
  if (!globalForDb.keyshareDb) globalForDb.keyshareDb = openDb(databasePath());
  return globalForDb.keyshareDb;
}
