// The query plan of every statement the list pages and the access check run, on the bench
// data: each must reach shares, share_items, users and devices through an index, never a
// full scan — a scan is what makes a page slow only at fleet size. SQLite: EXPLAIN QUERY
// PLAN (SEARCH, not SCAN); PostgreSQL: EXPLAIN of the statements as the pool sent them, with
// their values (an index or bitmap scan, not a Seq Scan), after the seed's ANALYZE.
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import { PgDialect } from "drizzle-orm/pg-core";
import pg from "pg";
import { closeDb, openDb, type Db } from "@/db/engine";
import { checkAccessSql } from "@/lib/access/check";
import { listSharedByMe, listSharedWithMe } from "@/lib/sharing/queries";
import { captureStatements, queryPlans, type SentStatement } from "@/tests/support/db/raw";
import type { BenchDatabase } from "./databases";
import { openRaw } from "./raw";

type Recipient = { id: string; email: string; emailVerified: number | null };
type Labelled = SentStatement & { label: string };

const FULL_SCAN = {
  sqlite: /^SCAN (shares|share_items|users|devices)\b/,
  postgres: /Seq Scan on (shares|share_items|users|devices)\b/,
};

export async function checkPlans(
  where: BenchDatabase,
  ownerId: string,
  recipient: Recipient,
): Promise<{ scans: string[]; lines: string[] }> {
  const kind = where.config.kind;
  const db = openDb(where.config);
  try {
    const capture = kind === "postgres" ? capturePg : captureStatements;
    const statements = await sentByPages(db, ownerId, recipient, capture);
    const check = checkAccessSql({ userId: recipient.id, deviceId: "d", serviceId: "svc" });
    const compiled =
      kind === "postgres"
        ? new PgDialect().sqlToQuery(check)
        : new SQLiteSyncDialect().sqlToQuery(check);
    statements.push({ label: "checkAccess", sql: compiled.sql, params: compiled.params });
    const plans =
      kind === "postgres" ? await plansPg(where, statements) : queryPlans(db, statements);
    const scans: string[] = [];
    const lines: string[] = [];
    statements.forEach((s, i) => {
      lines.push(`${s.label}: ${s.sql.replace(/\s+/g, " ").slice(0, 90)}…`);
      for (const detail of plans[i]) {
        lines.push(`    ${detail}`);
        if (FULL_SCAN[kind].test(detail)) scans.push(`${s.label}: ${detail.trim()}`);
      }
    });
    return { scans, lines };
  } finally {
    await closeDb(db);
  }
}

async function sentByPages(
  db: Db,
  ownerId: string,
  recipient: Recipient,
  capture: (db: Db, run: (d: Db) => Promise<unknown>) => Promise<SentStatement[]>,
): Promise<Labelled[]> {
  const now = Date.now();
  const labelled = async (label: string, run: (d: Db) => Promise<unknown>) =>
    (await capture(db, run)).map((s) => ({ ...s, label }));
  return [
    ...(await labelled("Shared by Me, page 1", (d) =>
      listSharedByMe(d, { sharerId: ownerId, now, page: 1, pageSize: 50 }),
    )),
    ...(await labelled("Shared by Me, Pending", (d) =>
      listSharedByMe(d, { sharerId: ownerId, now, status: "Pending", pageSize: 50 }),
    )),
    ...(await labelled("Shared with Me, page 1", (d) =>
      listSharedWithMe(d, { user: recipient, now, page: 1, pageSize: 50 }),
    )),
  ];
}

/** The SELECTs node-postgres sends while `run` runs (every pooled client is a pg.Client). */
async function capturePg(db: Db, run: (d: Db) => Promise<unknown>): Promise<SentStatement[]> {
  const out: SentStatement[] = [];
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const [first, second] = args as [string | { text: string; values?: unknown[] }, unknown];
    const text = typeof first === "string" ? first : first?.text;
    // drizzle passes a config object and the values beside it; pg's own form has them inside.
    const values = typeof first === "string" ? second : (first?.values ?? second);
    if (typeof text === "string" && /^\s*(select|with)\b/i.test(text))
      out.push({ sql: text, params: Array.isArray(values) ? values : [] });
    return original.apply(this, args);
  };
  try {
    await run(db);
  } finally {
    proto.query = original;
  }
  return out;
}

async function plansPg(where: BenchDatabase, statements: SentStatement[]): Promise<string[][]> {
  const raw = await openRaw(where);
  try {
    const out: string[][] = [];
    for (const s of statements) {
      const rows = await raw.all<{ "QUERY PLAN": string }>(`EXPLAIN ${s.sql}`, s.params);
      out.push(rows.map((r) => r["QUERY PLAN"]));
    }
    return out;
  } finally {
    await raw.close();
  }
}
