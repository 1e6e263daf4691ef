import type { RunResult } from "better-sqlite3";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import type { Db } from "./client";
import * as schema from "./schema";

/** Either the database or a transaction: helpers run inside the caller's transaction. */
export type Conn = BaseSQLiteDatabase<"sync", RunResult, typeof schema>;

/** SQLite allows 32766 bound variables; ~900 per IN list keeps statements small and plans cheap. */
export const IN_CHUNK = 900;
export function chunked<T>(xs: readonly T[], size = IN_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/**
 * Write transactions start IMMEDIATE: they read then write, and a deferred transaction
 * that upgrades to a write lock can fail with SQLITE_BUSY when another process got there first.
 */
export function immediateTx<T>(db: Db, fn: (tx: Conn) => T): T {
  return db.transaction((tx) => fn(tx), { behavior: "immediate" });
}
