import Database from "better-sqlite3";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { is } from "drizzle-orm";
import { drizzle as drizzleSqlite } from "drizzle-orm/better-sqlite3";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { closeDb, pgSchema, sqliteSchema } from "@/db/engine";
import { openSqliteFile } from "@/tests/support/db/raw";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedIfEmpty } from "@/scripts/seed/seed";
import { verifyPassword } from "@/lib/accounts/password";
import { createEmptyPgDatabase } from "@/tests/support/db/test-db";
import { copyOrder } from "./plan";
import { copySqliteToPg } from "./sqlite-to-pg";

const TABLES = Object.entries(pgSchema as Record<string, unknown>)
  .filter(([, v]) => is(v, PgTable))
  .map(([key]) => key as keyof typeof pgSchema);
const sortRows = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();

function runCli(args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/db-copy.ts", ...args], {
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout + r.stderr };
}

async function withPg<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const totalRows = (url: string) =>
  withPg(url, async (c) => {
    let n = 0;
    for (const { name } of copyOrder(TABLES.map((k) => pgSchema[k] as PgTable)))
      n += (await c.query(`select count(*)::int as n from "${name}"`)).rows[0].n;
    return n;
  });

describe("copyOrder()", () => {
  it("puts every table after the tables it references", () => {
    const order = copyOrder(TABLES.map((k) => pgSchema[k] as PgTable)).map((p) => p.name);
    expect(order).toHaveLength(TABLES.length);
    for (const key of TABLES) {
      const config = getTableConfig(pgSchema[key] as PgTable);
      for (const fk of config.foreignKeys)
        expect(order.indexOf(getTableConfig(fk.reference().foreignTable).name)).toBeLessThan(
          order.indexOf(config.name),
        );
    }
  });
});

describe.skipIf(!inject("keysharePg").ok)("npm run db:copy (SQLite → PostgreSQL)", () => {
  let dir: string;
  let file: string;
  const targets: { drop(): Promise<void> }[] = [];
  const emptyTarget = async () => {
    const t = await createEmptyPgDatabase();
    targets.push(t);
    return t;
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "keyshare-copy-"));
    file = path.join(dir, "keyshare.db");
    const db = await openSqliteFile(file, true);
    expect(await seedIfEmpty(db, Date.now())).toBe(true);
    await closeDb(db);
  });
  // DROP DATABASE waits for a checkpoint: over 30 s while other suites load the same server.
  afterAll(async () => {
    for (const t of targets) await t.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it("copies the seeded demo into an empty database: same counts, same rows, a working password; a second copy is refused", async () => {
    const target = await emptyTarget();
    const first = runCli(["--from", file, "--to", target.url]);
    expect(first.out).toMatch(new RegExp(`Copied \\d+ rows in ${TABLES.length} tables`));
    expect(first.code).toBe(0);

    const source = new Database(file, { readonly: true });
    const pool = new pg.Pool({ connectionString: target.url, max: 1 });
    try {
      const s = drizzleSqlite(source, { schema: sqliteSchema });
      const p = drizzlePg(pool, { schema: pgSchema });
      let seeded = 0;
      for (const key of TABLES) {
        // Read through each engine's own schema: booleans and ms timestamps come back alike.
        const fromSqlite = (await s.select().from(sqliteSchema[key] as never)) as unknown[];
        const fromPg = (await p.select().from(pgSchema[key] as never)) as unknown[];
        expect(fromPg.length, key).toBe(fromSqlite.length);
        expect(sortRows(fromPg), key).toEqual(sortRows(fromSqlite));
        seeded += fromSqlite.length;
      }
      expect(seeded).toBeGreaterThan(100); // the demo really has users, devices, shares, items, events, emails
      for (const key of ["users", "devices", "shares", "shareItems", "services"] as const) {
        expect((await s.select().from(sqliteSchema[key] as never)).length, key).toBeGreaterThan(0);
      }
      const olivia = (await p.select().from(pgSchema.users)).find(
        (u) => u.email === DEMO_ACCOUNTS[0].email,
      )!;
      expect(await verifyPassword(DEMO_PASSWORD, olivia.passwordHash!)).toBe(true);
      expect(await verifyPassword("not-the-password", olivia.passwordHash!)).toBe(false);
    } finally {
      source.close();
      await pool.end();
    }

    const before = await totalRows(target.url);
    const second = runCli(["--from", file, "--to", target.url]);
    expect(second.code).not.toBe(0);
    expect(second.out).toMatch(/not empty/);
    expect(await totalRows(target.url)).toBe(before);
  });

  it("streams in batches and rolls everything back when a table's row count does not match", async () => {
    const target = await emptyTarget();
    const copied: string[] = [];
    const run = copySqliteToPg({
      from: file,
      to: target.url,
      batchSize: 7,
      afterTable: async (table, client) => {
        copied.push(table);
        // Lose one row of a table copied in several batches, as a bug in the copy would.
        if (table === "services")
          await client.query("delete from services where id = (select min(id) from services)");
      },
    });
    await expect(run).rejects.toThrow(/Row count mismatch in services/);
    expect(copied).toContain("users"); // earlier tables were copied, then rolled back with the rest
    expect(await totalRows(target.url)).toBe(0);
  });

  it("rolls back when a row breaks a PostgreSQL constraint (an SQLite file written without foreign keys)", async () => {
    const broken = path.join(dir, "broken.db");
    fs.copyFileSync(file, broken);
    const db = new Database(broken);
    db.pragma("foreign_keys = OFF");
    db.prepare(
      "update share_items set share_id = 'no-such-share' where id = (select max(id) from share_items)",
    ).run();
    db.close();
    const target = await emptyTarget();
    const r = runCli(["--from", broken, "--to", target.url]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/db:copy failed: .*foreign key/);
    expect(await totalRows(target.url)).toBe(0);
  });

  it("refuses a target that holds other tables, and a source from another schema version", async () => {
    const target = await emptyTarget();
    await withPg(target.url, (c) => c.query("create table notes (id int)"));
    await expect(copySqliteToPg({ from: file, to: target.url })).rejects.toThrow(
      /has other tables \(notes\)/,
    );
    const old = path.join(dir, "old.db");
    fs.copyFileSync(file, old);
    const db = new Database(old);
    db.exec("alter table shares drop column time_zone");
    db.close();
    const clean = await emptyTarget();
    await expect(copySqliteToPg({ from: old, to: clean.url })).rejects.toThrow(
      /does not match this version of Keyshare \(table shares/,
    );
  });
});
