// Vitest globalSetup: once per run, checks that PostgreSQL is reachable and builds a
// migrated template database; createTestDb() clones it per test file (CREATE DATABASE …
// TEMPLATE copies files, far faster than migrating). Teardown drops the template and every
// clone of this run. Unreachable: a loud SKIP, or a failure with KEYSHARE_REQUIRE_PG=1.
import type { TestProject } from "vitest/node";
import { closeDb, migrateDb, openDb } from "../../../db/engine";
import {
  createDatabase,
  dropDatabasesStartingWith,
  pgUnavailableReason,
  uniqueName,
  urlFor,
} from "./pg-admin";

export type PgTestStatus =
  { ok: true; template: string; runPrefix: string } | { ok: false; reason: string };

declare module "vitest" {
  export interface ProvidedContext {
    keysharePg: PgTestStatus;
  }
}

export function skipMessage(reason: string): string {
  return `SKIPPING PostgreSQL: ${reason}. Only SQLite is tested; set KEYSHARE_REQUIRE_PG=1 to make this a failure.`;
}

export default async function setup(project: TestProject) {
  const reason = await pgUnavailableReason();
  if (reason) {
    if (process.env.KEYSHARE_REQUIRE_PG === "1")
      throw new Error(`PostgreSQL is required (KEYSHARE_REQUIRE_PG=1) but ${reason}`);
    console.warn(`\n${"=".repeat(80)}\n${skipMessage(reason)}\n${"=".repeat(80)}\n`);
    project.provide("keysharePg", { ok: false, reason });
    return;
  }
  const runPrefix = uniqueName("run");
  const template = `${runPrefix}_tpl`;
  await createDatabase(template);
  const db = openDb({ kind: "postgres", url: urlFor(template), poolSize: 1 });
  try {
    await migrateDb(db);
  } finally {
    await closeDb(db);
  }
  project.provide("keysharePg", { ok: true, template, runPrefix });
  return async () => {
    await dropDatabasesStartingWith(runPrefix);
  };
}
