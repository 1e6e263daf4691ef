// The multi-server pass (`npm run test:multi-server`): production servers on one PostgreSQL
// database, driven over HTTP. Needs PostgreSQL: unreachable is a loud skip, or a failure with
// KEYSHARE_REQUIRE_PG=1 (.ci/run).
import { defineConfig } from "vitest/config";
import base from "./vitest.config.mjs";
import { skipMessage } from "./tests/support/db/global-setup";
import { pgUnavailableReason } from "./tests/support/db/pg-admin";

export default defineConfig(async () => {
  const reason = await pgUnavailableReason();
  if (reason && process.env.KEYSHARE_REQUIRE_PG === "1")
    throw new Error(`PostgreSQL is required (KEYSHARE_REQUIRE_PG=1) but ${reason}`);
  if (reason) console.warn(`\n${skipMessage(reason)}\n`);
  return {
    ...base,
    test: {
      ...base.test,
      include: reason ? [] : ["tests/multi-server/**/*.test.ts"],
      exclude: [],
      passWithNoTests: !!reason,
      // Building the app can take minutes on a busy machine.
      hookTimeout: 900_000,
      testTimeout: 120_000,
      fileParallelism: false,
      env: { KEYSHARE_TEST_DB: "postgres" },
    },
  };
});
