/**
 * `npm run test:e2e:pg`: the Playwright suite against PostgreSQL. Creates a fresh database on
 * the test server (KEYSHARE_TEST_PG_URL, default postgres://postgres@127.0.0.1:5432/postgres),
 * runs `playwright test` (arguments are passed on) with E2E_DATABASE_URL pointing at it, so
 * the webServer starts `npm start` with DATABASE_URL and the specs' direct reads go there
 * too, then drops the database. PostgreSQL unreachable: a loud skip, or a failure with
 * KEYSHARE_REQUIRE_PG=1 (.ci/run).
 */
import { spawn } from "node:child_process";
import {
  createDatabase,
  dropDatabases,
  pgUnavailableReason,
  uniqueName,
  urlFor,
} from "../tests/support/db/pg-admin";

const reason = await pgUnavailableReason();
if (reason) {
  if (process.env.KEYSHARE_REQUIRE_PG === "1") {
    console.error(`PostgreSQL is required (KEYSHARE_REQUIRE_PG=1) but ${reason}`);
    process.exit(1);
  }
  const line = "=".repeat(80);
  console.warn(
    `\n${line}\nSKIPPING the PostgreSQL e2e pass: ${reason}.\n` +
      `Only SQLite was tested end to end; set KEYSHARE_REQUIRE_PG=1 to make this a failure.\n${line}\n`,
  );
  process.exit(0);
}

const name = uniqueName("e2e");
await createDatabase(name);
console.log(`Playwright on PostgreSQL (database ${name})`);
const code = await new Promise<number>((resolve) => {
  const child = spawn(
    process.execPath,
    ["node_modules/@playwright/test/cli.js", "test", ...process.argv.slice(2)],
    { stdio: "inherit", env: { ...process.env, E2E_DATABASE_URL: urlFor(name) } },
  );
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
  child.on("exit", (c, signal) => resolve(c ?? (signal ? 1 : 0)));
});
await dropDatabases([name]);
process.exit(code);
