import Database from "better-sqlite3";
import {
  getTableName,
  sql,
  TransactionRollbackError,
  type SQL,
  type SQLWrapper,
} from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import fs from "node:fs";
import path from "node:path";
import * as sqliteSchema from "../schema-sqlite";
import { Mutex } from "./mutex";
import type { ColumnBatch } from "./rows";
import { isCompiledQuery } from "./sql";
import {
  openTxOn,
  register,
  txContext,
  TxMisuseError,
  type Engine,
  type TxContext,
} from "./registry";
import type { Db, Tx } from "./types";

export const SQLITE_MIGRATIONS = path.join(process.cwd(), "db", "migrations");

// One writer mutex per database file, not per openDb(): two handles on one file in one
// process would otherwise wait for each other's write lock inside better-sqlite3's busy
// handler, which blocks the event loop, so the holder can never finish: a deadlock.
// On globalThis for the same reason as db/engine/registry.ts: one map per process, however
// many times a build bundles this module.
const writerMutexes = ((
  globalThis as unknown as { keyshareSqliteWriters?: Map<string, Mutex> }
).keyshareSqliteWriters ??= new Map<string, Mutex>());

type Role = "writer" | "reader" | "snapshot";

/** Negative: KiB, not pages. 64 MB per connection, at most 3 per file and process. */
export const CACHE_KIB = -65_536;
/** Address space only: pages are loaded as they are read, and shared with the OS cache. */
export const MMAP_BYTES = 1024 ** 3;

function connect(file: string, role: Role): Database.Database {
  const c = new Database(file);
  if (role === "writer") c.pragma("journal_mode = WAL");
  c.pragma("foreign_keys = ON");
  c.pragma("busy_timeout = 5000");
  c.pragma("synchronous = NORMAL");
  // Page cache and memory map, per connection (reader, writer, snapshot): SQLite's default
  // 2 MB cache holds a sliver of a fleet-size file, so random access checks re-read many of
  // its index pages through read() syscalls; mapped pages are read from the OS page cache
  // without a copy (the WAL itself is still read). An A/B in bench (issue 16, README): access
  // check at 1,000,000 items p50 29 → 26 µs, p99 124 → 120 µs: small, steady.
  c.pragma(`cache_size = ${CACHE_KIB}`);
  c.pragma(`mmap_size = ${MMAP_BYTES}`);
  // A write outside transaction() fails loudly ("attempt to write a readonly database")
  // instead of taking the file's write lock behind the writer's back.
  if (role !== "writer") c.pragma("query_only = ON");
  return c;
}

// Preparing costs far more than running a short indexed query (~170 µs against ~5 µs for
// the access check; 0.2–0.7 ms for a list page's statements), and drizzle's better-sqlite3
// session prepares every query it runs anew. So each connection keeps its statements by SQL
// text, a bounded number (IN lists of varying length would otherwise pile up), for drizzle's
// queries and execute() alike.
const STATEMENT_CACHE = 256;

/**
 * Every statement on `client` must pass `allowed` (checked on every prepare, cached or not),
 * and statements are reused per SQL text. A reused statement is handed back in its default
 * mode (drizzle turns raw() on for selects with fields and expects plain rows otherwise), and
 * one still iterating is never handed out twice.
 */
function guard(client: Database.Database, allowed: () => string | null): void {
  const prepare = client.prepare.bind(client) as (source: string) => Database.Statement;
  const cache = new Map<string, Database.Statement>();
  client.prepare = ((source: string) => {
    const refusal = allowed();
    if (refusal) throw new TxMisuseError(refusal);
    const hit = cache.get(source);
    if (hit && !hit.busy) {
      cache.delete(source); // least recently used goes first
      cache.set(source, hit);
      if (hit.reader) hit.raw(false).pluck(false).expand(false);
      return hit;
    }
    const stmt = prepare(source);
    if (!hit) {
      if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
      cache.set(source, stmt);
    }
    return stmt;
  }) as typeof client.prepare;
}

/**
 * Three connections on one WAL file:
 * - reader (query_only): every read outside a transaction; WAL lets it read while the writer writes;
 * - writer: only inside transaction(), under the per-file mutex, from BEGIN IMMEDIATE to COMMIT;
 * - snapshot (query_only, opened on first use): read-only transactions, so a multi-statement
 *   read sees one snapshot without holding up writers or the plain reads.
 */
export function openSqlite(file: string): Engine {
  if (file === ":memory:")
    throw new Error("The SQLite engine needs a file: its connections must share one database");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const writer = connect(file, "writer");
  const reader = connect(file, "reader");
  let snapshot: { client: Database.Database; db: Db; mutex: Mutex } | undefined;
  const key = path.resolve(file); // one mutex however the path is spelled
  let writerMutex = writerMutexes.get(key);
  if (!writerMutex) writerMutexes.set(key, (writerMutex = new Mutex()));
  let migrating = false;

  // The database cast, documented once here (tables.ts casts the tables likewise): drizzle's
  // better-sqlite3 instance is used through the PG database type. It holds at run time
  // because the domain only awaits query builders (select/insert/update/delete/$count, sql
  // fragments), whose SQLite builders are thenables with the same results, plus execute(),
  // added below with PostgreSQL's result shape. What the PG type lacks (.get/.all/.run) the
  // domain cannot call; what SQLite lacks gets PG's behaviour (execute, tx.rollback) or goes
  // through db/engine helpers (.for → forUpdate) or is not used (selectDistinctOn, lateral
  // joins; docs/decisions/0001-two-engines.md).
  const asDb = (client: Database.Database) =>
    withExecute(drizzle(client, { schema: sqliteSchema }), client) as unknown as Db;
  const root = asDb(reader);
  const tx = withRollback(asDb(writer));

  const engine: Engine = {
    kind: "sqlite",
    db: root,
    async transaction<T>(fn: (tx: Tx) => Promise<T>, readOnly: boolean): Promise<T> {
      if (readOnly) {
        snapshot ??= openSnapshot();
        return run(snapshot.client, snapshot.db, snapshot.mutex, "BEGIN", fn);
      }
      return run(writer, tx, writerMutex, "BEGIN IMMEDIATE", fn);
    },
    async insertBatch(_tx, table, batch) {
      insertBatch(writer, table, batch);
    },
    async migrate() {
      await writerMutex.run(async () => {
        migrating = true;
        try {
          migrate(tx as never, { migrationsFolder: SQLITE_MIGRATIONS });
        } finally {
          migrating = false;
        }
      });
    },
    async close() {
      for (const c of [reader, writer, snapshot?.client]) c?.close();
    },
  };

  function openSnapshot() {
    const client = connect(file, "snapshot");
    const db = withRollback(asDb(client));
    register(db, engine);
    guard(client, () =>
      isCurrent(db) ? null : "The read-only transaction handle was used outside its transaction.",
    );
    return { client, db, mutex: new Mutex() };
  }

  const isCurrent = (handle: object) => openTxOn(engine)?.tx === handle;

  async function run<T>(
    client: Database.Database,
    handle: Db,
    mutex: Mutex,
    begin: string,
    fn: (tx: Tx) => Promise<T>,
  ): Promise<T> {
    return mutex.run(() => {
      const ctx: TxContext = { engine, tx: handle, open: true };
      return txContext.run(ctx, async () => {
        try {
          client.exec(begin);
          try {
            const result = await fn(handle as unknown as Tx);
            client.exec("COMMIT");
            return result;
          } catch (e) {
            if (client.inTransaction) client.exec("ROLLBACK");
            throw e;
          }
        } finally {
          ctx.open = false;
        }
      });
    });
  }

  register(root, engine);
  register(tx, engine);
  guard(reader, () =>
    openTxOn(engine)
      ? "Inside transaction() use its tx, not the database: the database would not see the transaction's writes."
      : null,
  );
  guard(writer, () =>
    migrating || isCurrent(tx) ? null : "The transaction handle was used outside its transaction.",
  );
  return engine;
}

type SqliteDrizzle = ReturnType<typeof drizzle<typeof sqliteSchema>>;

/**
 * PostgreSQL's `db.execute(sql)` (which the Db type offers) on a SQLite instance, with the
 * same result shape: `rows` (objects, as the driver returns them: booleans are 0/1 here)
 * and `rowCount` (rows returned, or rows changed by a write).
 */
function withExecute(db: SqliteDrizzle, client: Database.Database): SqliteDrizzle {
  const dialect = (
    db as unknown as { dialect: { sqlToQuery(s: SQL): { sql: string; params: unknown[] } } }
  ).dialect;
  Object.assign(db, {
    async execute(query: SQLWrapper | string) {
      const { sql: text, params } = isCompiledQuery(query)
        ? { sql: query.text, params: query.params }
        : dialect.sqlToQuery(typeof query === "string" ? sql.raw(query) : query.getSQL());
      const stmt = client.prepare(text); // guarded and reused (guard() below)
      if (stmt.reader) {
        const rows = stmt.all(...params);
        return { rows, rowCount: rows.length };
      }
      return { rows: [], rowCount: stmt.run(...params).changes };
    },
  });
  return db;
}

/** PostgreSQL's `tx.rollback()`: throws, so transaction() rolls back and rejects with it. */
function withRollback(db: Db): Db {
  return Object.assign(db, {
    rollback(): never {
      throw new TransactionRollbackError();
    },
  });
}

/**
 * The bulk-insert hot path: one prepared statement run per row, on the writer and so inside
 * the caller's transaction. The shared values are set once in the bound array; each run
 * only writes the per-row ones.
 */
function insertBatch(client: Database.Database, table: object, batch: ColumnBatch): void {
  const columns = [...batch.each, ...batch.same].map((c) => c.column);
  const stmt = client.prepare(
    `insert into "${getTableName(table as never)}" (${columns.map((c) => `"${c.name}"`).join(", ")}) ` +
      `values (${columns.map(() => "?").join(", ")})`,
  );
  const values: unknown[] = new Array(columns.length);
  const arrays = batch.each.map((c) => c.values);
  const k = arrays.length;
  batch.same.forEach((c, j) => (values[k + j] = c.value));
  for (let i = 0; i < batch.count; i++) {
    for (let j = 0; j < k; j++) values[j] = arrays[j][i];
    // Spread rather than the array itself: better-sqlite3 then takes each value as an
    // argument instead of reading the array element by element (A/B in process, 7 rounds:
    // 830 against 978 ms and 996 against 1,029 ms per bulk share).
    stmt.run(...values);
  }
}
