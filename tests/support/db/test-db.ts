// Test databases on either engine. KEYSHARE_TEST_DB=postgres makes createTestDb() default to
// a fresh PostgreSQL database cloned from the run's migrated template (global-setup.ts);
// otherwise it is a migrated SQLite file in a temporary folder. Close it in afterAll.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import {
  closeDb,
  migrateDb,
  openDb,
  tablesFor,
  type Db,
  type EngineKind,
  type Schema,
} from "@/db/engine";
import { createDatabase, dropDatabases, uniqueName, urlFor } from "./pg-admin";

export type TestDb = {
  kind: EngineKind;
  db: Db;
  t: Schema;
  location: string;
  close(): Promise<void>;
};

export function testEngineKind(): EngineKind {
  return process.env.KEYSHARE_TEST_DB === "postgres" ? "postgres" : "sqlite";
}

/** The engines this run can test (PostgreSQL only when global-setup reached it). */
export function availableEngines(): EngineKind[] {
  return inject("keysharePg").ok ? ["sqlite", "postgres"] : ["sqlite"];
}

function pgStatus() {
  const status = inject("keysharePg");
  if (!status.ok) throw new Error(`PostgreSQL tests cannot run: ${status.reason}`);
  return status;
}

let clones = 0;

export async function createTestDb(
  kind: EngineKind = testEngineKind(),
  opts: { poolSize?: number } = {},
): Promise<TestDb> {
  if (kind === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keyshare-db-"));
    const file = path.join(dir, "test.db");
    const db = openDb({ kind: "sqlite", path: file });
    await migrateDb(db);
    const close = async () => {
      await closeDb(db);
      fs.rmSync(dir, { recursive: true, force: true });
    };
    return { kind, db, t: tablesFor(kind), location: file, close };
  }
  const { template, runPrefix } = pgStatus();
  const name = `${runPrefix}_${process.pid}_${++clones}`;
  await createDatabase(name, template);
  const db = openDb({ kind: "postgres", url: urlFor(name), poolSize: opts.poolSize ?? 10 });
  const close = async () => {
    await closeDb(db);
    await dropDatabases([name]);
  };
  return { kind, db, t: tablesFor(kind), location: urlFor(name), close };
}

/** An empty PostgreSQL database (no tables), e.g. a target for db:copy. */
export async function createEmptyPgDatabase(): Promise<{
  name: string;
  url: string;
  drop(): Promise<void>;
}> {
  const { runPrefix } = pgStatus();
  const name = `${runPrefix}_${process.pid}_e${++clones}`;
  await createDatabase(name);
  return { name, url: urlFor(name), drop: () => dropDatabases([name]) };
}

export { uniqueName };

/**
 * A second, independent handle on a test database, as a second server process would have:
 * its own connections (SQLite: its own reader and writer on the same file, sharing the
 * file's writer mutex within this process; PostgreSQL: its own pool). Close it before the
 * test database.
 */
export function openAgain(test: TestDb, poolSize = 2): Db {
  return openDb(
    test.kind === "sqlite"
      ? { kind: "sqlite", path: test.location }
      : { kind: "postgres", url: test.location, poolSize },
  );
}
