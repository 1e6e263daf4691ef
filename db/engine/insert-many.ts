import type { PgTable } from "drizzle-orm/pg-core";
import { engineOf, openTxOn, TxMisuseError } from "./registry";
import type { Tx } from "./types";

/**
 * Inserts many rows of `table` inside the transaction `tx` (100,000 share items in one
 * bulk share). SQLite: one prepared statement run per row on the writer. PostgreSQL:
 * INSERT … SELECT FROM unnest(arrays), 10,000 rows per statement. Every row must set the
 * same columns as the first (omitted columns take their database default); no returning.
 */
export async function insertMany<T extends PgTable>(
  tx: Tx,
  table: T,
  rows: readonly T["$inferInsert"][],
): Promise<void> {
  const engine = engineOf(tx);
  if (openTxOn(engine)?.tx !== tx)
    throw new TxMisuseError("insertMany() needs the tx of an open transaction.");
  if (!rows.length) return;
  await engine.insertRows(tx, table, rows as readonly Record<string, unknown>[]);
}
