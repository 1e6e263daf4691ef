import { sql, getTableName, type Column } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import type { PgColumn } from "drizzle-orm/pg-core";
import path from "node:path";
import pg from "pg";
import * as pgSchema from "../schema-pg";
import {
  openTxOn,
  register,
  txContext,
  TxMisuseError,
  type Engine,
  type TxContext,
} from "./registry";
import type { ColumnBatch } from "./rows";
import type { Db, Tx } from "./types";

export const PG_MIGRATIONS = path.join(process.cwd(), "db", "migrations-pg");

// int8 (bigint: our millisecond timestamps, and count(*)) arrives as a string by default.
// Every int8 we store is a millisecond time or a count, far below 2^53, so parse it as a
// number: sql<number>`count(*)` then means the same on both engines. This is pg's own
// process-wide switch (it also covers int8[]); drizzle's per-query parsers fall back to it.
pg.defaults.parseInt8 = true;

// Two app servers starting at once must not both apply the migrations: they take this
// session-level advisory lock around drizzle's migrator (which has none of its own).
const MIGRATION_LOCK = 0x6b657973; // "keys"

/** Rows per INSERT … SELECT FROM unnest(…) statement (each column is one array parameter). */
const UNNEST_CHUNK = 10_000;

export function openPostgres(url: string, poolSize: number): Engine {
  // Read-only by default, as SQLite's reader is: a write outside transaction() fails loudly
  // ("cannot execute INSERT in a read-only transaction") on both engines alike, instead of
  // committing on its own on one of them. Write transactions begin READ WRITE.
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    options: "-c default_transaction_read_only=on",
  });
  // An idle client losing its server (restart, failover) emits "error" on the pool; without
  // a listener that would crash the process. The pool drops the client and makes new ones.
  pool.on("error", (e) => console.error("PostgreSQL: an idle connection failed:", e.message));
  const db = drizzle(pool, { schema: pgSchema }) as Db;
  let ended: Promise<void> | undefined;

  const engine: Engine = {
    kind: "postgres",
    db,
    transaction<T>(fn: (tx: Tx) => Promise<T>, readOnly: boolean): Promise<T> {
      return db.transaction(
        async (tx) => {
          register(tx, engine);
          const ctx: TxContext = { engine, tx, open: true };
          try {
            return await txContext.run(ctx, () => fn(tx));
          } finally {
            ctx.open = false;
          }
        },
        // A read-only transaction is one snapshot (count and page agree); writes stay READ
        // COMMITTED and rely on guarded updates, unique indexes and forUpdate().
        readOnly
          ? { isolationLevel: "repeatable read", accessMode: "read only" }
          : { accessMode: "read write" },
      );
    },
    insertBatch: (tx, table, batch) => insertUnnest(tx, table, batch),
    // The root database's statements go through the pool (any connection; each prepares the
    // name once), a transaction's through its own connection (drizzle's session client).
    async queryPrepared(conn, name, text, values) {
      const client =
        conn === db
          ? pool
          : (conn as unknown as { session: { client: pg.PoolClient } }).session.client;
      return (await client.query({ name, text, values })).rows;
    },
    migrate: () => migratePostgres(url),
    // Idempotent, as SQLite's close is: pg's pool.end() throws when called twice.
    close: () => (ended ??= pool.end()),
  };

  // The root database's queries go through pool.query (a transaction's through its own
  // client). Inside a transaction, the root database would run on another connection: it
  // would not see the transaction's writes and, with every pooled connection held by a
  // transaction waiting for one more, the pool would deadlock. Refuse it, as SQLite does.
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  pool.query = ((...args: unknown[]) => {
    if (openTxOn(engine))
      throw new TxMisuseError(
        "Inside transaction() use its tx, not the database: the database would not see the transaction's writes.",
      );
    return query(...args);
  }) as typeof pool.query;

  register(db, engine);
  return engine;
}

/** Applies db/migrations-pg on a connection of its own (read-write, unlike the pool's). */
export async function migratePostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await migrate(drizzle(client), { migrationsFolder: PG_MIGRATIONS });
  } finally {
    await client.end(); // ends the session, and so its advisory lock
  }
}

/**
 * Bulk insert as `INSERT … SELECT *, $k::bigint, … FROM unnest($1::text[], …)`: one array
 * parameter per column that differs between rows, one plain parameter per shared value, so
 * the statement text and its parameter count do not grow with the rows (multi-row VALUES
 * needs a parameter per value, at most 65,535, and drizzle's builder spends most of the time
 * building them). Measured in bench/insert-many.ts.
 */
async function insertUnnest(tx: Tx, table: object, batch: ColumnBatch): Promise<void> {
  const typed = (c: Column) => sql.raw((c as PgColumn).getSQLType());
  const columns = [...batch.each, ...batch.same].map((c) => sql.identifier(c.column.name));
  const target = sql`${sql.identifier(getTableName(table as never))} (${sql.join(columns, sql`, `)})`;
  const shared = batch.same.map((c) => sql`, ${sql.param(c.value)}::${typed(c.column)}`);
  for (let start = 0; start < batch.count; start += UNNEST_CHUNK) {
    const end = start + UNNEST_CHUNK;
    const unnest = sql.join(
      batch.each.map((c) => sql`${sql.param(c.values.slice(start, end))}::${typed(c.column)}[]`),
      sql`, `,
    );
    await tx.execute(sql`insert into ${target} select *${sql.join(shared)} from unnest(${unnest})`);
  }
}
