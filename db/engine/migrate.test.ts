import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { is } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { afterAll, describe, expect, inject, it } from "vitest";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { SQLITE_MIGRATIONS } from "@/db/engine/sqlite";
import { closeDb, engineConfigFromEnv, migrateDb, openDb, pgSchema } from "@/db/engine";
import { migratePostgres } from "@/db/engine/postgres";
import { createEmptyPgDatabase } from "@/tests/support/db/test-db";

describe("engineConfigFromEnv()", () => {
  it("picks PostgreSQL for postgres:// and postgresql:// URLs only, SQLite at DATABASE_PATH otherwise", () => {
    expect(engineConfigFromEnv({ DATABASE_URL: "postgres://u@h/db" })).toEqual({
      kind: "postgres",
      url: "postgres://u@h/db",
      poolSize: 10,
    });
    expect(
      engineConfigFromEnv({ DATABASE_URL: "postgresql://u@h/db", DATABASE_POOL_SIZE: "3" }),
    ).toMatchObject({ kind: "postgres", poolSize: 3 });
    expect(
      engineConfigFromEnv({ DATABASE_URL: "mysql://u@h/db", DATABASE_PATH: "x/y.db" }),
    ).toEqual({ kind: "sqlite", path: path.resolve("x/y.db") });
    expect(engineConfigFromEnv({})).toEqual({
      kind: "sqlite",
      path: path.resolve("data/keyshare.db"),
    });
    expect(() =>
      engineConfigFromEnv({ DATABASE_URL: "postgres://u@h/db", DATABASE_POOL_SIZE: "0" }),
    ).toThrow(/DATABASE_POOL_SIZE/);
  });
});

describe("migrateDb()", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it("SQLite: takes over a database migrated by the old synchronous client without applying anything twice", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keyshare-migrate-"));
    dirs.push(dir);
    const file = path.join(dir, "old.db");
    const old = new Database(file); // what the synchronous db/client.ts did before the engine
    migrate(drizzle(old), { migrationsFolder: SQLITE_MIGRATIONS });
    old.close();
    const db = openDb({ kind: "sqlite", path: file });
    await migrateDb(db);
    await closeDb(db);
    const check = new Database(file, { readonly: true });
    try {
      const applied = check.prepare("select count(*) as n from __drizzle_migrations").get() as {
        n: number;
      };
      expect(applied.n).toBe(
        fs.readdirSync("db/migrations").filter((f) => f.endsWith(".sql")).length,
      );
    } finally {
      check.close();
    }
  });

  it.skipIf(!inject("keysharePg").ok)(
    "PostgreSQL: three servers starting at once migrate one empty database once",
    async () => {
      const target = await createEmptyPgDatabase();
      try {
        await Promise.all([
          migratePostgres(target.url),
          migratePostgres(target.url),
          migratePostgres(target.url),
        ]);
        const c = new pg.Client({ connectionString: target.url });
        await c.connect();
        try {
          const { rows } = await c.query(
            "select count(*)::int as n from drizzle.__drizzle_migrations",
          );
          expect(rows[0].n).toBe(
            fs.readdirSync("db/migrations-pg").filter((f) => f.endsWith(".sql")).length,
          );
          const tables = await c.query(
            "select count(*)::int as n from information_schema.tables where table_schema = 'public'",
          );
          expect(tables.rows[0].n).toBe(
            Object.values(pgSchema).filter((v) => is(v, PgTable)).length,
          );
        } finally {
          await c.end();
        }
      } finally {
        await target.drop();
      }
    },
  );
});
