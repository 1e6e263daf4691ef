// The two schemas cannot drift apart: a fresh SQLite database and a fresh PostgreSQL database,
// each migrated from its own committed migrations, must have the same tables, columns,
// nullability, defaults, indexes (columns in order, unique, partial WHERE) and foreign keys
// (columns, target, on delete/update), as read from their live catalogues. And each
// migrations folder must be up to date with its schema file.
import Database from "better-sqlite3";
import {
  generateDrizzleJson,
  generateMigration,
  generateSQLiteDrizzleJson,
  generateSQLiteMigration,
} from "drizzle-kit/api";
import { getTableConfig, type SQLiteTable } from "drizzle-orm/sqlite-core";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { is } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { closeDb, migrateDb, openDb, pgSchema, sqliteSchema } from "@/db/engine";
import { pgCatalogue, sqliteCatalogue, type Catalogue } from "@/tests/support/db/catalogue";
import { createEmptyPgDatabase, createTestDb, type TestDb } from "@/tests/support/db/test-db";

/** "table.column" for every column db/schema.ts declares integer({ mode: "boolean" }). */
function sqliteBooleans(): Set<string> {
  const out = new Set<string>();
  for (const table of Object.values(sqliteSchema)) {
    if (typeof table !== "object" || !table || !("getSQL" in table)) continue;
    const config = getTableConfig(table as SQLiteTable);
    for (const c of config.columns)
      if (c.columnType === "SQLiteBoolean") out.add(`${config.name}.${c.name}`);
  }
  return out;
}

function lastSnapshot(folder: string): unknown {
  const meta = path.join(folder, "meta");
  const last = fs
    .readdirSync(meta)
    .filter((f) => f.endsWith("_snapshot.json"))
    .sort()
    .at(-1)!;
  return JSON.parse(fs.readFileSync(path.join(meta, last), "utf8"));
}

describe.skipIf(!inject("keysharePg").ok)("schema drift between SQLite and PostgreSQL", () => {
  let sqliteDb: TestDb;
  let sqliteCat: Catalogue;
  let pgCat: Catalogue;

  beforeAll(async () => {
    sqliteDb = await createTestDb("sqlite");
    const reader = new Database(sqliteDb.location, { readonly: true });
    try {
      sqliteCat = sqliteCatalogue(reader, sqliteBooleans());
    } finally {
      reader.close();
    }
    const empty = await createEmptyPgDatabase();
    try {
      const db = openDb({ kind: "postgres", url: empty.url, poolSize: 1 });
      await migrateDb(db);
      await closeDb(db);
      const client = new pg.Client({ connectionString: empty.url });
      await client.connect();
      try {
        pgCat = await pgCatalogue(client);
      } finally {
        await client.end();
      }
    } finally {
      await empty.drop();
    }
  });
  afterAll(() => sqliteDb?.close());

  it("reads what matters from both catalogues (the comparison below is not vacuous)", () => {
    for (const cat of [sqliteCat, pgCat]) {
      expect(Object.keys(cat)).toHaveLength(
        Object.values(pgSchema).filter((v) => is(v, PgTable)).length,
      );
      expect(cat.share_items.indexes.share_items_live_uq).toEqual({
        columns: ["device_id", "sharer_id", "recipient_email"],
        unique: true,
        where: "live = 1",
      });
      expect(cat.shares.foreignKeys).toContainEqual({
        columns: ["recipient_id"],
        references: "users",
        referencedColumns: ["id"],
        onDelete: "set null",
        onUpdate: "no action",
      });
      expect(cat.accounts.primaryKey).toEqual(["provider", "provider_account_id"]);
      expect(cat.devices.columns.demo).toEqual({ type: "bool", notNull: true, default: "false" });
      expect(cat.devices.columns.kind).toEqual({
        type: "text",
        notNull: true,
        default: "'Gateway'",
      });
      expect(cat.users.indexes.users_email_unique).toEqual({
        columns: ["email"],
        unique: true,
        where: null,
      });
    }
  });

  it("has the same tables, columns, nullability, defaults, primary keys, indexes and foreign keys on both engines", () => {
    expect(pgCat).toEqual(sqliteCat);
  });
});

describe("committed migrations", () => {
  it("db/migrations is up to date with db/schema.ts", async () => {
    const prev = lastSnapshot(path.resolve("db/migrations")) as Parameters<
      typeof generateSQLiteMigration
    >[0];
    const cur = await generateSQLiteDrizzleJson(sqliteSchema as unknown as Record<string, unknown>);
    expect(await generateSQLiteMigration(prev, cur)).toEqual([]);
  });

  it("db/migrations-pg is up to date with db/schema-pg.ts", async () => {
    const prev = lastSnapshot(path.resolve("db/migrations-pg")) as Parameters<
      typeof generateMigration
    >[0];
    const cur = generateDrizzleJson(pgSchema as unknown as Record<string, unknown>);
    expect(await generateMigration(prev, cur)).toEqual([]);
  });
});
