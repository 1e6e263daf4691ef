// The PostgreSQL pass (`npm run test:unit:pg`): the suites that take their database from
// createTestDb() run again with KEYSHARE_TEST_DB=postgres. For now that is the factory's own
// test; the other suites join as they move onto db/engine. PostgreSQL unreachable: a loud
// SKIP and an empty pass, or a failure with KEYSHARE_REQUIRE_PG=1.
import { defineConfig } from "vitest/config";
import base from "./vitest.config.mjs";
import { skipMessage } from "./tests/support/db/global-setup";
import { ADMIN_URL, pgUnavailableReason } from "./tests/support/db/pg-admin";

const PG_PASS = [
  "db/engine/test-db.test.ts",
  // Groups (issue 16): every rule, and the authorization matrix with members and former members.
  "lib/groups/groups.test.ts",
  "tests/authz-matrix.test.ts",
];

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
      passWithNoTests: !!reason,
      // DATABASE_URL picks the PostgreSQL tables for "@/db/schema" (db/engine/schema.ts); each
      // test's database comes from createTestDb()/freshDb(), never from this URL.
      env: { KEYSHARE_TEST_DB: "postgres", DATABASE_URL: ADMIN_URL },
    },
  };
});
