import { is, sql, type SQL } from "drizzle-orm";
import { PgColumn } from "drizzle-orm/pg-core";
import { SQLiteColumn } from "drizzle-orm/sqlite-core";

/**
 * Rows changed by an awaited insert/update/delete without `returning()`: SQLite's
 * RunResult.changes or node-postgres' QueryResult.rowCount. The guard in
 * `update … where status = 'pending'` + `affected(r) === 1` is how a race is won once.
 */
export function affected(result: { rowCount: number | null }): number {
  const r = result as unknown as { changes?: number; rowCount?: number | null };
  if (typeof r?.changes === "number") return r.changes;
  if (r && "rowCount" in r) return r.rowCount ?? 0;
  throw new TypeError("affected(): not the result of a write (did you add returning()?)");
}

/** The first row or undefined: what `.get()` was, for `await db.select()…limit(1)`. */
export function first<T>(rows: readonly T[]): T | undefined {
  return rows[0];
}

type LockConfig = { noWait?: boolean; skipLocked?: boolean };

/**
 * `SELECT … FOR UPDATE` on PostgreSQL: locks the rows read so a concurrent transaction
 * waits until this one ends (read-then-write rules). On SQLite the query is unchanged: the
 * writer lock already admits one writing transaction at a time. Only meaningful inside
 * transaction().
 */
export function forUpdate<Q>(query: Q, config?: LockConfig): Q {
  const q = query as unknown as { for?: (strength: "update", config?: LockConfig) => Q };
  return typeof q.for === "function" ? q.for("update", config) : query;
}

/**
 * Case-insensitive LIKE with `\` as the escape character: PostgreSQL `ILIKE`, SQLite `LIKE`
 * (which ignores ASCII case only; PostgreSQL also folds other letters, e.g. Ä/ä).
 * Picks the operator from the column's dialect, so it works with the engine's own tables.
 */
export function ilike(column: PgColumn, pattern: string): SQL {
  if (is(column, PgColumn)) return sql`${column} ilike ${pattern} escape '\\'`;
  if (is(column as unknown, SQLiteColumn)) return sql`${column} like ${pattern} escape '\\'`;
  throw new TypeError("ilike(): pass a table column");
}

/**
 * Insertion order, for breaking ties between rows of one table (in a single-table query):
 * SQLite's rowid; on PostgreSQL the inserting transaction's id (xmin; rows written in one
 * transaction share it, then the heap position ctid decides). PostgreSQL's is exact for
 * rows committed one transaction after another, which is what a tie-break needs here;
 * ids are random UUIDs and say nothing about order. Picks the dialect from the column.
 */
export function insertionOrder(column: PgColumn, direction: "asc" | "desc"): SQL {
  const dir = sql.raw(direction);
  if (is(column, PgColumn)) return sql`xmin::text::bigint ${dir}, ctid ${dir}`;
  if (is(column as unknown, SQLiteColumn)) return sql`rowid ${dir}`;
  throw new TypeError("insertionOrder(): pass a table column");
}
