// The PostgreSQL pass (`npm run test:unit:pg`): the domain, authorization matrix, hostile
// input, concurrency and crash-safety suites run again with KEYSHARE_TEST_DB=postgres, every
// database from createTestDb()/freshDb() on the real server. Left out: db/ (its engine tests
// already run both engines in the SQLite pass, or are about SQLite files and migrations) and
// SQLite's query-plan checks (lib/access/check-plan.test.ts; the plan tests inside other
// files skip themselves). PostgreSQL unreachable: a loud SKIP and an empty pass, or a
// failure with KEYSHARE_REQUIRE_PG=1.
import { defineConfig } from "vitest/config";
import base from "./vitest.config.mjs";
import { skipMessage } from "./tests/support/db/global-setup";
import { ADMIN_URL, pgUnavailableReason } from "./tests/support/db/pg-admin";

const PG_PASS = [
  "db/engine/test-db.test.ts",
  "lib/**/*.test.ts",
  "tests/*.test.ts",
  "scripts/**/*.test.ts",
];
const SQLITE_ONLY = ["lib/access/check-plan.test.ts"];

export default defineConfig(async () => {
  const reason = await pgUnavailableReason();
  if (reason && process.env.KEYSHARE_REQUIRE_PG === "1")
    throw new Error(`PostgreSQL is required (KEYSHARE_REQUIRE_PG=1) but ${reason}`);
  if (reason) console.warn(`\n${skipMessage(reason)}\n`);
  return {
    ...base,
    test: {
      ...base.test,
      include: reason ? [] : PG_PASS,
      exclude: [...(base.test?.exclude ?? []), ...SQLITE_ONLY],
      passWithNoTests: !!reason,
      // DATABASE_URL picks the PostgreSQL tables for "@/db/schema" (db/engine/schema.ts); each
      // test's database comes from createTestDb()/freshDb(), never from this URL.
      env: { KEYSHARE_TEST_DB: "postgres", DATABASE_URL: ADMIN_URL },
    },
  };
});
