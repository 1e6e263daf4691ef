// The tables the domain queries: those of the engine this process uses (DATABASE_URL),
// typed as PostgreSQL's (db/engine/schema.ts). The dialect definitions are
// db/schema-sqlite.ts and db/schema-pg.ts, kept in step by db/engine/schema-drift.test.ts.
export * from "./engine/schema";
