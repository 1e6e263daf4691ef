import type { PgTable } from "drizzle-orm/pg-core";
import { engineOf, openTxOn, TxMisuseError } from "./registry";
import { batchOfColumns, batchOfRows, type ColumnBatch } from "./rows";
import type { Tx } from "./types";

type Insert<T extends PgTable> = T["$inferInsert"];

/**
 * Inserts many rows of `table` inside the transaction `tx`. SQLite: one prepared statement
 * run per row on the writer. PostgreSQL: INSERT … SELECT FROM unnest(arrays), 10,000 rows
 * per statement. Every row must set the same columns as the first (omitted columns take
 * their database default); no returning.
 */
export async function insertMany<T extends PgTable>(
  tx: Tx,
  table: T,
  rows: readonly Insert<T>[],
): Promise<void> {
  const engine = checkedEngine(tx, "insertMany");
  if (!rows.length) return;
  await engine.insertBatch(
    tx,
    table,
    batchOfRows(table, rows as readonly Record<string, unknown>[]),
  );
}

/**
 * insertMany() for rows given as columns: `each` holds one array per column that differs
 * between rows (all of one length, one entry per row), `same` the values every row shares.
 * The hot path of a bulk share (100,000 share items): no object per row.
 */
export async function insertColumns<T extends PgTable>(
  tx: Tx,
  table: T,
  columns: {
    each: { [K in keyof Insert<T>]?: readonly Insert<T>[K][] };
    same?: { [K in keyof Insert<T>]?: Insert<T>[K] };
  },
): Promise<void> {
  const engine = checkedEngine(tx, "insertColumns");
  const batch: ColumnBatch = batchOfColumns(
    table,
    columns.each as Record<string, readonly unknown[] | undefined>,
    (columns.same ?? {}) as Record<string, unknown>,
  );
  if (batch.count) await engine.insertBatch(tx, table, batch);
}

function checkedEngine(tx: Tx, name: string) {
  const engine = engineOf(tx);
  if (openTxOn(engine)?.tx !== tx)
    throw new TxMisuseError(`${name}() needs the tx of an open transaction.`);
  return engine;
}
