import { fillPlaceholders, is, sql, type SQL } from "drizzle-orm";
import { createHash } from "node:crypto";
import { PgColumn, PgDialect } from "drizzle-orm/pg-core";
import { SQLiteColumn, SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import { engineOf } from "./registry";
import type { Conn } from "./types";

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
  return lockRows(query, "update", config);
}

/**
 * `SELECT … FOR NO KEY UPDATE` on PostgreSQL (unchanged on SQLite): like forUpdate(), but
 * inserts elsewhere that reference the locked row (foreign-key checks take FOR KEY SHARE)
 * do not wait for it. For a lock that only serialises, e.g. per sharer.
 */
export function forNoKeyUpdate<Q>(query: Q, config?: LockConfig): Q {
  return lockRows(query, "no key update", config);
}

function lockRows<Q>(query: Q, strength: "update" | "no key update", config?: LockConfig): Q {
  const q = query as unknown as { for?: (s: typeof strength, config?: LockConfig) => Q };
  return typeof q.for === "function" ? q.for(strength, config) : query;
}

/** `text` with LIKE's wildcards (% and _) and the escape character (\\) taken literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The one pattern for "contains what the person typed": trimmed, taken literally, for
 * ilike() (which makes the match case-insensitive on both engines, where a bare LIKE is
 * case-sensitive on PostgreSQL and not on SQLite).
 */
export function likePattern(text: string): string {
  return `%${escapeLike(text.trim())}%`;
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

// A brand, not instanceof: a production build may hold several copies of this module, and
// the engine's copy must recognise a query compiled by another one.
const COMPILED = Symbol.for("keyshare.compiledQuery");

/** Whether `query` is a CompiledQuery, from whichever copy of this module. */
export function isCompiledQuery(query: unknown): query is CompiledQuery {
  return typeof query === "object" && query !== null && COMPILED in query;
}

/** SQL text and values compiled once: the SQLite engine's execute() runs it as it is. */
export class CompiledQuery {
  readonly [COMPILED] = true;
  constructor(
    readonly text: string,
    readonly params: unknown[],
  ) {}
  getSQL(): SQL {
    throw new TypeError("A CompiledQuery runs on SQLite only (reusableQuery picks the engine).");
  }
}

/**
 * A hot statement run with new values many times (the access check). Drizzle compiles an
 * sql`` template on every call, ~15 µs for the access check's, more than SQLite needs to run
 * it; so this compiles it once with placeholders and binds the values per call. SQLite: the
 * engine keeps the prepared statement too. PostgreSQL: a named prepared statement, because
 * planning the access check's three-branch UNION took ~1.5 ms and running it ~0.1 ms
 * (bench, issue 14); the server plans it once per connection (a generic plan after five runs
 * when that costs no more than a custom one).
 */
export function reusableQuery<K extends string>(
  keys: readonly K[],
  build: (values: Record<K, unknown>) => SQL,
): (conn: Conn, values: Record<K, unknown>) => Promise<unknown[]> {
  const withPlaceholders = () =>
    build(Object.fromEntries(keys.map((k) => [k, sql.placeholder(k)])) as Record<K, unknown>);
  let sqlite: { sql: string; params: unknown[] } | undefined;
  let pg: { sql: string; params: unknown[]; name: string } | undefined;
  return async (conn, values) => {
    const engine = engineOf(conn);
    if (engine.kind !== "sqlite") {
      if (!engine.queryPrepared) return (await conn.execute(build(values))).rows;
      if (!pg) {
        const q = new PgDialect().sqlToQuery(withPlaceholders());
        // Named by its text: one name never stands for two statements on a connection.
        pg = { ...q, name: `ks_${createHash("sha1").update(q.sql).digest("hex").slice(0, 20)}` };
      }
      return engine.queryPrepared(conn, pg.name, pg.sql, fillPlaceholders(pg.params, values));
    }
    sqlite ??= new SQLiteSyncDialect().sqlToQuery(withPlaceholders());
    const query = new CompiledQuery(sqlite.sql, fillPlaceholders(sqlite.params, values));
    return (await conn.execute(query)).rows;
  };
}
