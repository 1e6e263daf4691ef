// Transaction plumbing the domain shares. The helper itself is db/engine's transaction()
// (docs/decisions/0001-two-engines.md); these are the names the domain imports.
import { transaction, type Conn, type Tx } from "./engine";

/** Either the database or a transaction: helpers run inside the caller's transaction. */
export type { Conn, Tx };

/**
 * Ids per IN list: SQLite allows 32,766 bound variables and PostgreSQL 65,535; ~900 keeps
 * statements small and plans cheap on both.
 */
export const IN_CHUNK = 900;
export function chunked<T>(xs: readonly T[], size = IN_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/**
 * A write transaction: SQLite takes the write lock up front (BEGIN IMMEDIATE under the
 * writer mutex); PostgreSQL runs READ COMMITTED, correct through guarded updates, unique
 * indexes and forUpdate(). Called with a tx, it joins that transaction.
 */
export function immediateTx<T>(db: Conn, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return transaction(db, fn);
}
