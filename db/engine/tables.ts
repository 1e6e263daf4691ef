import * as sqliteSchema from "../schema-sqlite";
import * as pgSchema from "../schema-pg";
import type { EngineKind, Schema } from "./types";

export { pgSchema, sqliteSchema };

/**
 * The table objects for an engine, typed as the PostgreSQL tables (what the domain is
 * type-checked against). Queries must be built from the tables of the engine they run on:
 * drizzle maps values through the column classes (a SQLite boolean column reads 0/1).
 * The two schemas have the same exports with the same inferred row types
 * (db/engine/schema-drift.test.ts keeps the databases equal), hence the cast.
 */
export function tablesFor(kind: EngineKind): Schema {
  return kind === "postgres" ? pgSchema : (sqliteSchema as unknown as Schema);
}
