// The bench's throw-away databases on the engine BENCH_DB selects: `sqlite` (default) files
// in bench/tmp, or `postgres` databases on KEYSHARE_TEST_PG_URL's server (default the local
// postgres://postgres@127.0.0.1:5432), named keyshare_bench_<name> and recreated per run.
import fs from "node:fs";
import path from "node:path";
import { closeDb, migrateDb, openDb, type Db, type EngineConfig } from "@/db/engine";
import {
  createDatabase,
  dropDatabases,
  dropDatabasesStartingWith,
  urlFor,
} from "@/tests/support/db/pg-admin";
import { BENCH_DB, TMP_DIR } from "./config";

export type BenchDatabase = {
  config: EngineConfig;
  /** What a server process needs to open this database. */
  env: Record<string, string>;
  /** Where it is, for the log. */
  label: string;
  drop(): Promise<void>;
};

/** A fresh, empty, migrated database called `name`; returns it open, and how to reach it. */
export async function freshDatabase(
  name: string,
  poolSize = 4,
): Promise<{ db: Db; where: BenchDatabase }> {
  const where = await locate(name, poolSize);
  const db = openDb(where.config);
  await migrateDb(db);
  return { db, where };
}

const PG_PREFIX = "keyshare_bench_";

/** PostgreSQL: drops every database of the bench (each phase's, the server's) when a run ends. */
export async function dropBenchDatabases(): Promise<void> {
  if (BENCH_DB === "postgres") await dropDatabasesStartingWith(PG_PREFIX);
}

async function locate(name: string, poolSize: number): Promise<BenchDatabase> {
  if (BENCH_DB === "postgres") {
    const database = `${PG_PREFIX}${name.replace(/[^a-z0-9]/g, "_")}`;
    await dropDatabases([database]);
    await createDatabase(database);
    const url = urlFor(database);
    return {
      config: { kind: "postgres", url, poolSize },
      env: { DATABASE_URL: url },
      label: `PostgreSQL ${database}`,
      drop: () => dropDatabases([database]),
    };
  }
  const file = path.join(TMP_DIR, `${name}.db`);
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  return {
    config: { kind: "sqlite", path: file },
    env: { DATABASE_PATH: file },
    label: path.relative(process.cwd(), file),
    drop: async () => {
      for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    },
  };
}

export { closeDb };
