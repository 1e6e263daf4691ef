// Issue 14, "moving up": the seeded demo SQLite database copied by `npm run db:copy` into an
// empty PostgreSQL database serves a production server that signs the demo owner in and
// lists her devices. (db/copy/sqlite-to-pg.test.ts checks the copy row by row.)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUTH_SECRET } from "@/bench/config";
import { ensureBuild } from "@/bench/build";
import { startServer, type Server } from "@/bench/server";
import { closeDb, migrateDb, openDb, pgSchema } from "@/db/engine";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedIfEmpty } from "@/scripts/seed/seed";
import { createDatabase, dropDatabases, uniqueName, urlFor } from "@/tests/support/db/pg-admin";
import { fetchAs, PORTS, signIn } from "./servers";

let dir = "";
let file = "";
let database = "";
let server: Server | undefined;

beforeAll(async () => {
  ensureBuild();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "keyshare-copy-"));
  file = path.join(dir, "keyshare.db");
  const db = openDb({ kind: "sqlite", path: file });
  await migrateDb(db);
  expect(await seedIfEmpty(db, Date.now())).toBe(true);
  await closeDb(db);
  database = uniqueName("copy");
  await createDatabase(database);
});
afterAll(async () => {
  await server?.stop();
  if (database) await dropDatabases([database]);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("npm run db:copy, then npm start on PostgreSQL", () => {
  it("the demo owner signs in on the copy and sees her devices", async () => {
    const url = urlFor(database);
    const copy = spawnSync(
      "npm",
      ["run", "--silent", "db:copy", "--", "--from", file, "--to", url],
      {
        encoding: "utf8",
        timeout: 120_000,
      },
    );
    expect(copy.status, copy.stdout + copy.stderr).toBe(0);
    expect(copy.stdout).toMatch(/Copied \d+ rows in \d+ tables/);

    // The owner's first device as the devices page orders them (group, then name).
    const owner = DEMO_ACCOUNTS[0];
    const source = new Database(file, { readonly: true });
    const { name } = source
      .prepare(
        `select d.name from devices d join users u on u.id = d.owner_id
          where u.email = ? order by d.group_path, d.name limit 1`,
      )
      .get(owner.email) as { name: string };
    source.close();

    server = await startServer([], {
      port: PORTS[0],
      logFile: path.join(dir, "server.log"),
      env: {
        DATABASE_URL: url,
        KEYSHARE_WORKERS: "1",
        KEYSHARE_BENCH: "0",
        KEYSHARE_SEED: "0",
        AUTH_SECRET,
      },
    });
    const baseUrl = `http://127.0.0.1:${PORTS[0]}`;
    const cookie = await signIn(owner.email, DEMO_PASSWORD, baseUrl);
    const page = await fetchAs(baseUrl, "/devices", cookie);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(name);
    // The server wrote its session row into the copied database.
    const pgDb = openDb({ kind: "postgres", url, poolSize: 1 });
    try {
      const [user] = await pgDb
        .select({ id: pgSchema.users.id })
        .from(pgSchema.users)
        .where(eq(pgSchema.users.email, owner.email));
      const sessions = await pgDb
        .select()
        .from(pgSchema.userSessions)
        .where(eq(pgSchema.userSessions.userId, user.id));
      expect(sessions.length).toBeGreaterThan(0);
    } finally {
      await closeDb(pgDb);
    }
  });
});
