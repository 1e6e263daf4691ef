import { getTableConfig, type SQLiteTable } from "drizzle-orm/sqlite-core";
import * as sqliteSchema from "../schema-sqlite";

type DbError = Error & { code?: string; constraint?: string; table?: string };

/** The driver's error: drizzle wraps PostgreSQL errors in DrizzleQueryError (`cause`). */
export function driverError(e: unknown): DbError | undefined {
  for (let cur = e, depth = 0; cur instanceof Error && depth < 5; cur = cur.cause, depth++) {
    const code = (cur as DbError).code;
    if (typeof code === "string" && (code.startsWith("SQLITE_") || /^[0-9A-Z]{5}$/.test(code)))
      return cur as DbError;
  }
  return undefined;
}

let sqliteUniqueColumns: Map<string, string> | undefined;

/**
 * SQLite names the columns, not the index ("UNIQUE constraint failed: t.a, t.b"), so index
 * names are resolved through the schema: name → "t.a, t.b". Covers uniqueIndex() and .unique().
 */
function uniqueColumnsByName(): Map<string, string> {
  if (sqliteUniqueColumns) return sqliteUniqueColumns;
  const out = new Map<string, string>();
  for (const table of Object.values(sqliteSchema)) {
    if (typeof table !== "object" || !table || !("getSQL" in table)) continue;
    const config = getTableConfig(table as SQLiteTable);
    const cols = (names: string[]) => names.map((n) => `${config.name}.${n}`).join(", ");
    for (const idx of config.indexes) {
      if (idx.config.unique)
        out.set(idx.config.name, cols(idx.config.columns.map((c) => (c as { name: string }).name)));
    }
    for (const c of config.columns)
      if (c.isUnique && c.uniqueName) out.set(c.uniqueName, cols([c.name]));
  }
  return (sqliteUniqueColumns = out);
}

/**
 * Whether `e` is a unique (or primary key) violation, optionally of one index/constraint
 * (`users_email_unique`, `share_items_live_uq`) or of any unique index on one table (`share_items`).
 * SQLite: SQLITE_CONSTRAINT_UNIQUE/PRIMARYKEY. PostgreSQL: SQLSTATE 23505 with its constraint name.
 */
export function isUniqueViolation(e: unknown, name?: string): boolean {
  const err = driverError(e);
  if (!err) return false;
  if (err.code === "23505") return !name || err.constraint === name || err.table === name;
  if (err.code !== "SQLITE_CONSTRAINT_UNIQUE" && err.code !== "SQLITE_CONSTRAINT_PRIMARYKEY")
    return false;
  if (!name) return true;
  const failed = err.message.replace(/^UNIQUE constraint failed: /, "");
  return failed === uniqueColumnsByName().get(name) || failed.startsWith(`${name}.`);
}
