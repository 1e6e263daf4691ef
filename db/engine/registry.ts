import { AsyncLocalStorage } from "node:async_hooks";
import type { ColumnBatch } from "./rows";
import type { Conn, Db, EngineKind, Tx } from "./types";

/** What each engine implements; the public functions in db/engine/index.ts dispatch to it. */
export interface Engine {
  readonly kind: EngineKind;
  readonly db: Db;
  transaction<T>(fn: (tx: Tx) => Promise<T>, readOnly: boolean): Promise<T>;
  /** insertMany() and insertColumns(): the batch is checked and in the driver's form. */
  insertBatch(tx: Tx, table: object, batch: ColumnBatch): Promise<void>;
  /**
   * PostgreSQL: runs `text` as the named prepared statement `name` on `conn`'s connection
   * (parsed and planned once per connection). SQLite has none: it keeps its own statements.
   */
  queryPrepared?(conn: Conn, name: string, text: string, values: unknown[]): Promise<unknown[]>;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/** The transaction an async call chain is inside of; `open` turns false when it ends. */
export type TxContext = { engine: Engine; tx: object; open: boolean };

// Process-wide, on globalThis: a production build may bundle this module more than once
// (one copy per server chunk), while getDb()'s database is one per process. Every copy must
// find that database's engine and see the same open transaction.
const shared = globalThis as unknown as {
  keyshareEngineRegistry?: {
    engines: WeakMap<object, Engine>;
    txContext: AsyncLocalStorage<TxContext>;
  };
};
const registry = (shared.keyshareEngineRegistry ??= {
  // Root databases and transaction handles → their engine. A WeakMap, not a property, so
  // the drizzle objects stay untouched and nothing leaks when a test database is dropped.
  engines: new WeakMap(),
  txContext: new AsyncLocalStorage(),
});
export const txContext = registry.txContext;

/** The open transaction of this call chain on `engine`, if any. */
export function openTxOn(engine: Engine): TxContext | undefined {
  const ctx = txContext.getStore();
  return ctx?.open && ctx.engine === engine ? ctx : undefined;
}

const engines = registry.engines;

export function register(handle: object, engine: Engine): void {
  engines.set(handle, engine);
}

export function engineOf(conn: Conn): Engine {
  const engine = engines.get(conn);
  if (!engine)
    throw new TypeError(
      "Not a Keyshare database or transaction: open it with openDb() from db/engine",
    );
  return engine;
}

/** Raised when code uses a database handle in a way that would hang or escape its transaction. */
export class TxMisuseError extends Error {
  override name = "TxMisuseError";
}
