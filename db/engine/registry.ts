import { AsyncLocalStorage } from "node:async_hooks";
import type { Conn, Db, EngineKind, Tx } from "./types";

/** What each engine implements; the public functions in db/engine/index.ts dispatch to it. */
export interface Engine {
  readonly kind: EngineKind;
  readonly db: Db;
  transaction<T>(fn: (tx: Tx) => Promise<T>, readOnly: boolean): Promise<T>;
  insertRows(tx: Tx, table: object, rows: readonly Record<string, unknown>[]): Promise<void>;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/** The transaction an async call chain is inside of; `open` turns false when it ends. */
export type TxContext = { engine: Engine; tx: object; open: boolean };

// One registry per process, on globalThis: a Next.js build may hold several copies of this
// module (proxy, server actions, pages), while getDb() hands every copy the same database
// (cached on globalThis), which a copy's own WeakMap would not know ("Not a Keyshare
// database" on the first server action of a production server).
const shared = globalThis as unknown as {
  keyshareEngineRegistry?: {
    engines: WeakMap<object, Engine>;
    txContext: AsyncLocalStorage<TxContext>;
  };
};
const registry = (shared.keyshareEngineRegistry ??= {
  engines: new WeakMap(),
  txContext: new AsyncLocalStorage(),
});
export const txContext = registry.txContext;

/** The open transaction of this call chain on `engine`, if any. */
export function openTxOn(engine: Engine): TxContext | undefined {
  const ctx = txContext.getStore();
  return ctx?.open && ctx.engine === engine ? ctx : undefined;
}

// Root databases and transaction handles → their engine. A WeakMap, not a property, so the
// drizzle objects stay untouched and nothing leaks when a test database is dropped.
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
