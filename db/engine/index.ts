// The database layer both engines share: open by environment, one transaction helper, and
// the few helpers whose SQL or driver results differ between SQLite and PostgreSQL.
// Decision record: docs/decisions/0001-two-engines.md.
import { engineConfigFromEnv, type EngineConfig } from "./config";
import { openPostgres } from "./postgres";
import { engineOf } from "./registry";
import { openSqlite } from "./sqlite";
import type { Conn, Db, EngineKind } from "./types";

export { engineConfigFromEnv, engineKindFromEnv, isPostgresUrl, type EngineConfig } from "./config";
export { isUniqueViolation, driverError } from "./errors";
export { insertColumns, insertMany } from "./insert-many";
export { TxMisuseError } from "./registry";
export {
  affected,
  first,
  forNoKeyUpdate,
  forUpdate,
  ilike,
  insertionOrder,
  likePattern,
  reusableQuery,
} from "./sql";
export { pgSchema, sqliteSchema, tablesFor } from "./tables";
export { transaction, type TransactionOptions } from "./transaction";
export type { Conn, Db, EngineKind, Schema, Tx } from "./types";

/** Opens a database (no migration). SQLite opens its file now; PostgreSQL connects on first query. */
export function openDb(config: EngineConfig = engineConfigFromEnv()): Db {
  const engine =
    config.kind === "postgres"
      ? openPostgres(config.url, config.poolSize)
      : openSqlite(config.path);
  return engine.db;
}

/** Applies the engine's committed migrations (db/migrations or db/migrations-pg). */
export function migrateDb(db: Db): Promise<void> {
  return engineOf(db).migrate();
}

export function engineKindOf(conn: Conn): EngineKind {
  return engineOf(conn).kind;
}

const globalForDb = globalThis as unknown as { keyshareEngineDb?: Db };

/** The process-wide database for the engine the environment selects (cached on globalThis to survive hot reloads). */
export function getDb(): Db {
  globalForDb.keyshareEngineDb ??= openDb();
  return globalForDb.keyshareEngineDb;
}

/** Closes a database's connections (the process-wide one by default). */
export async function closeDb(db: Db | undefined = globalForDb.keyshareEngineDb): Promise<void> {
  if (!db) return;
  if (db === globalForDb.keyshareEngineDb) globalForDb.keyshareEngineDb = undefined;
  await engineOf(db).close();
}
