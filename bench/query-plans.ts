// EXPLAIN QUERY PLAN of every statement the list pages and the access check run, on the
// bench data: each must reach shares, share_items and users through an index (SEARCH),
// never a full scan (SCAN) — a scan is what makes a page slow only at fleet size.
import Database from "better-sqlite3";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import type { Db } from "@/db/client";
import { checkAccessSql } from "@/lib/access/check";
import { listSharedByMe, listSharedWithMe } from "@/lib/sharing/queries";
import { closeDb, openSqliteDb, rawSqlite } from "./sqlite-file";

type Logged = { label: string; sql: string; params: unknown[] };

/**
 * The SQL the list functions send, as the driver receives it: every better-sqlite3
 * connection the engine opens while `run` is under way prepares through the recording
 * prepare below (the engine binds prepare when it opens a connection), and each statement's
 * first execution records its parameters.
 */
async function capture(file: string, run: (db: Db, label: (l: string) => void) => Promise<void>) {
  const out: Logged[] = [];
  let label = "";
  const proto = Database.prototype as unknown as {
    prepare: (this: Database.Database, text: string) => Database.Statement;
  };
  const original = proto.prepare;
  proto.prepare = function (text: string) {
    const stmt = original.call(this, text);
    const entry: Logged = { label, sql: text, params: [] };
    out.push(entry);
    for (const method of ["all", "get", "run", "iterate"] as const) {
      const call = (stmt[method] as (...a: unknown[]) => unknown).bind(stmt);
      (stmt as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        entry.params = args;
        return call(...args);
      };
    }
    return stmt;
  };
  try {
    const db = await openSqliteDb(file);
    try {
      await run(db, (l) => (label = l));
    } finally {
      await closeDb(db);
    }
  } finally {
    proto.prepare = original;
  }
  // Connection setup (pragmas) and transaction control are not the pages' statements.
  return out.filter((s) => s.label && /^\s*(select|with)\b/i.test(s.sql));
}

export async function checkPlans(
  file: string,
  ownerId: string,
  recipient: { id: string; email: string; emailVerified: number | null },
): Promise<{ scans: string[]; lines: string[] }> {
  const now = Date.now();
  const statements = await capture(file, async (db, label) => {
    label("Shared by Me, page 1");
    await listSharedByMe(db, { sharerId: ownerId, now, page: 1, pageSize: 50 });
    label("Shared by Me, Pending");
    await listSharedByMe(db, { sharerId: ownerId, now, status: "Pending", pageSize: 50 });
    label("Shared with Me, page 1");
    await listSharedWithMe(db, { user: recipient, now, page: 1, pageSize: 50 });
  });
  const check = new SQLiteSyncDialect().sqlToQuery(
    checkAccessSql({ userId: recipient.id, deviceId: "d", serviceId: "svc" }),
  );
  statements.push({ label: "checkAccess", sql: check.sql, params: check.params });
  const scans: string[] = [];
  const lines: string[] = [];
  const c = rawSqlite(file);
  try {
    for (const s of statements) {
      const plan = c.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...(s.params as never[])) as {
        detail: string;
      }[];
      lines.push(`${s.label}: ${s.sql.replace(/\s+/g, " ").slice(0, 90)}…`);
      for (const { detail } of plan) {
        lines.push(`    ${detail}`);
        if (/^SCAN (shares|share_items|users|devices)\b/.test(detail))
          scans.push(`${s.label}: ${detail}`);
      }
    }
  } finally {
    c.close();
  }
  return { scans, lines };
}
