// A clean, migrated database for each test, on the engine the run tests (KEYSHARE_TEST_DB),
// cheap enough to call in every test:
// - SQLite: a copy of a migrated template file (made once per test file);
// - PostgreSQL: one database per test file (cloned from the run's template), emptied with
//   one TRUNCATE on every call: cloning (~150 ms) and dropping (~250 ms) per test would
//   cost minutes over the suite. A test that needs two databases at once uses createTestDb().
// Everything is closed and removed by tests/support/db/setup.ts after the file.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { closeDb, migrateDb, openDb, transaction, type Db } from "@/db/engine";
import { createTestDb, testEngineKind, type TestDb } from "./test-db";

let sqliteTemplate: string | undefined;
const sqliteDir = () => {
  sqliteDir.dir ??= fs.mkdtempSync(path.join(os.tmpdir(), "keyshare-fresh-"));
  return sqliteDir.dir;
};
sqliteDir.dir = undefined as string | undefined;
const open: Db[] = [];
let pg: { test: TestDb; tables: string } | undefined;
let copies = 0;

export async function freshDb(): Promise<Db> {
  if (testEngineKind() === "postgres") return freshPg();
  if (!sqliteTemplate) {
    const file = path.join(sqliteDir(), "template.db");
    const db = openDb({ kind: "sqlite", path: file });
    await migrateDb(db);
    await closeDb(db);
    sqliteTemplate = file;
  }
  const file = path.join(sqliteDir(), `t${++copies}.db`);
  fs.copyFileSync(sqliteTemplate, file);
  const db = openDb({ kind: "sqlite", path: file });
  open.push(db);
  return db;
}

async function freshPg(): Promise<Db> {
  if (!pg) {
    const test = await createTestDb("postgres");
    const { rows } = await test.db.execute<{ name: string }>(
      sql`select table_name as name from information_schema.tables
          where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    );
    pg = { test, tables: rows.map((r) => `"${r.name}"`).join(", ") };
    return test.db;
  }
  const tables = pg.tables;
  await transaction(pg.test.db, async (tx) => {
    await tx.execute(sql.raw(`truncate table ${tables} restart identity cascade`));
  });
  return pg.test.db;
}

/** Closes every database this file opened (setup.ts runs it after the file). */
export async function closeFreshDbs(): Promise<void> {
  for (const db of open.splice(0)) await closeDb(db);
  if (sqliteDir.dir) fs.rmSync(sqliteDir.dir, { recursive: true, force: true });
  sqliteDir.dir = undefined;
  sqliteTemplate = undefined;
  if (pg) await pg.test.close();
  pg = undefined;
}
