// The e2e server's own database, for setup no UI offers (demo devices, a share moved into the
// past) and for checking that nothing was written. Either engine, as the server runs it:
// E2E_DATABASE_URL=postgres://… (set by scripts/e2e-pg.ts) or the SQLite file E2E_DATABASE.
// Statements are plain SQL both engines read alike, with `?` placeholders.
import Database from "better-sqlite3";
import path from "node:path";
import pg from "pg";

const PG_URL = /^postgres(ql)?:\/\//i;

/** The e2e database's location as the server sees it: a PostgreSQL URL, or the SQLite file. */
export function e2eDatabaseUrl(): string | undefined {
  const url = process.env.E2E_DATABASE_URL;
  return url && PG_URL.test(url) ? url : undefined;
}

/** Runs one statement on the e2e database and returns its rows (none for a write). */
export async function e2eSql<Row = Record<string, unknown>>(
  text: string,
  params: unknown[] = [],
): Promise<Row[]> {
  const url = e2eDatabaseUrl();
  if (url) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      let n = 0;
      const r = await client.query(
        text.replace(/\?/g, () => `$${++n}`),
        params,
      );
      return r.rows as Row[];
    } finally {
      await client.end();
    }
  }
  const db = new Database(path.resolve(process.env.E2E_DATABASE ?? "data/e2e.db"));
  try {
    db.pragma("busy_timeout = 5000");
    const stmt = db.prepare(text);
    if (stmt.reader) return stmt.all(...params) as Row[];
    stmt.run(...params);
    return [];
  } finally {
    db.close();
  }
}

export async function count(
  table: "shares" | "share_items" | "share_events" | "devices",
): Promise<number> {
  const [row] = await e2eSql<{ n: number | string }>(`select count(*) as n from ${table}`);
  return Number(row.n);
}

export async function markDemo(deviceId: string): Promise<void> {
  await e2eSql("update devices set demo = true where id = ?", [deviceId]);
}

export async function serviceId(deviceId: string, name: string): Promise<string> {
  const [row] = await e2eSql<{ id: string }>(
    "select id from services where device_id = ? and name = ?",
    [deviceId, name],
  );
  return row.id;
}

/** The id of the share addressed to `recipientEmail` (one per test address). */
export async function shareIdFor(recipientEmail: string): Promise<string> {
  const [row] = await e2eSql<{ id: string }>("select id from shares where recipient_email = ?", [
    recipientEmail,
  ]);
  return row.id;
}

/** Shares and shared items, to show a refused request wrote nothing. */
export async function shareCounts(): Promise<{ shares: number; items: number }> {
  return { shares: await count("shares"), items: await count("share_items") };
}
