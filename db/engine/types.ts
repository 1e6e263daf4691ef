import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { NodePgDatabase, NodePgQueryResultHKT } from "drizzle-orm/node-postgres";
import type { PgTransaction } from "drizzle-orm/pg-core";
import type * as pgSchema from "../schema-pg";

export type EngineKind = "sqlite" | "postgres";
export type Schema = typeof pgSchema;

/**
 * The database the domain receives, on either engine. It is typed as PostgreSQL's drizzle
 * database, so the type checker offers no synchronous `.get()/.all()/.run()` and every query
 * must be awaited; at run time on SQLite it is a better-sqlite3 drizzle instance (see
 * db/engine/sqlite.ts for the one cast and why it holds).
 */
export type Db = NodePgDatabase<Schema>;
/** The handle a transaction body receives from `transaction()`. */
export type Tx = PgTransaction<NodePgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either: helpers that may run inside or outside a transaction take a Conn. */
export type Conn = Db | Tx;
