import { engineOf, txContext, TxMisuseError } from "./registry";
import type { Conn, Tx } from "./types";

export type TransactionOptions = {
  /**
   * One consistent snapshot for several reads (e.g. a count and its page); writes fail.
   * SQLite: BEGIN on a query_only connection of its own. PostgreSQL: REPEATABLE READ, READ ONLY.
   */
  readOnly?: boolean;
};

/**
 * THE transaction helper. Runs the async `fn` in one transaction and commits when it
 * resolves, or rolls back when it throws (the error is rethrown). Semantics per engine
 * (docs/decisions/0001-two-engines.md):
 * - SQLite: a per-process, per-file async mutex admits one body at a time; inside it,
 *   BEGIN IMMEDIATE on the writer connection (which takes the file's write lock, waiting up
 *   to busy_timeout for other processes), then the body with that connection as `tx`, then
 *   COMMIT or ROLLBACK. No other request's statement can enter the open transaction: the
 *   writer is only reachable as `tx`, and the mutex keeps other bodies out.
 * - PostgreSQL: drizzle's `db.transaction` on a pooled connection, READ COMMITTED.
 * Called with a `tx` that is open in this call chain, it just runs `fn(tx)` in it (no
 * savepoint: a throw rolls back the whole outer transaction, as on SQLite). Called with the
 * root database from inside a transaction it throws TxMisuseError: on SQLite that would wait
 * for its own mutex forever, on PostgreSQL it would not be part of the outer transaction.
 * Inside `fn`, use only `tx`: the root database refuses statements there (same reason).
 */
export async function transaction<T>(
  db: Conn,
  fn: (tx: Tx) => Promise<T>,
  opts: TransactionOptions = {},
): Promise<T> {
  const engine = engineOf(db);
  const ctx = txContext.getStore();
  if (ctx?.engine === engine && ctx.open) {
    if (ctx.tx === db) return fn(db as Tx);
    throw new TxMisuseError(
      "transaction() was called with the database inside a transaction: pass the tx instead.",
    );
  }
  if (db !== engine.db) throw new TxMisuseError("This transaction has already ended.");
  return engine.transaction(fn, !!opts.readOnly);
}
