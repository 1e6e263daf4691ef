// Creating and dropping PostgreSQL test databases on the server the tests use
// (KEYSHARE_TEST_PG_URL, default the machine's postgres://postgres@127.0.0.1:5432/postgres).
import { randomBytes } from "node:crypto";
import pg from "pg";

export const ADMIN_URL =
  process.env.KEYSHARE_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
/** Every test database name starts with this (KEYSHARE_TEST_PG_PREFIX), so a run can find its own. */
export const PREFIX = process.env.KEYSHARE_TEST_PG_PREFIX ?? "keyshare_test";

export function urlFor(database: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A fresh, unique, lower-case database name under PREFIX (PostgreSQL allows 63 bytes). */
export function uniqueName(tag: string): string {
  const name = `${PREFIX}_${tag}_${process.pid}_${randomBytes(4).toString("hex")}`;
  if (!/^[a-z0-9_]{1,63}$/.test(name)) throw new Error(`Bad test database name "${name}"`);
  return name;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Why PostgreSQL cannot be used for tests, or null when it can. */
export async function pgUnavailableReason(): Promise<string | null> {
  try {
    await withAdmin((c) => c.query("select 1"));
    return null;
  } catch (e) {
    return `${ADMIN_URL.replace(/\/\/[^@/]*@/, "//…@")} is unreachable (${(e as Error).message || String(e)})`;
  }
}

export async function createDatabase(name: string, template?: string): Promise<void> {
  await withAdmin(async (c) => {
    // A template must have no other sessions while it is copied; the only ones are other
    // clones being made right now (a few ms), so wait for those instead of failing.
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(
          `create database ${ident(name)}${template ? ` template ${ident(template)}` : ""}`,
        );
        return;
      } catch (e) {
        if ((e as { code?: string }).code !== "55006" || attempt >= 50) throw e;
        await new Promise((r) => setTimeout(r, 20 + Math.random() * 30));
      }
    }
  });
}

export async function dropDatabases(names: string[]): Promise<void> {
  if (!names.length) return;
  await withAdmin(async (c) => {
    for (const name of names) await dropOne(c, name);
  });
}

/**
 * A pool's end() resolves before its sessions have left the server: give them a moment
 * (FORCE would kill them, and their pool would log the "error"), then force.
 */
async function dropOne(c: pg.Client, name: string): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      await c.query(`drop database if exists ${ident(name)}`);
      return;
    } catch (e) {
      if ((e as { code?: string }).code !== "55006") throw e;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  await c.query(`drop database if exists ${ident(name)} with (force)`);
}

/** Drops every database whose name starts with `prefix` (a run's leftovers). */
export async function dropDatabasesStartingWith(prefix: string): Promise<string[]> {
  return withAdmin(async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      "select datname from pg_database where starts_with(datname, $1)",
      [prefix],
    );
    for (const { datname } of rows) await dropOne(c, datname);
    return rows.map((r) => r.datname);
  });
}
