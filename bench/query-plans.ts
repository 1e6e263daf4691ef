// EXPLAIN QUERY PLAN of every statement the list pages and the access check run, on the
// bench data: each must reach shares, share_items and users through an index (SEARCH),
// never a full scan (SCAN) — a scan is what makes a page slow only at fleet size.
import { drizzle } from "drizzle-orm/better-sqlite3";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";
import { CHECK_ACCESS_SQL } from "@/lib/access/check";
import { listSharedByMe, listSharedWithMe } from "@/lib/sharing/queries";

type Logged = { label: string; sql: string; params: unknown[] };

/** The SQL a list function sends, captured through Drizzle's logger on the same connection. */
function capture(db: Db, label: string, run: (logging: Db) => void): Logged[] {
  const out: Logged[] = [];
  const logging = drizzle(db.$client, {
    schema,
    logger: { logQuery: (sql, params) => out.push({ label, sql, params }) },
  });
  run(logging as unknown as Db);
  return out;
}

export function checkPlans(
  httpDb: Db,
  ownerId: string,
  recipient: { id: string; email: string; emailVerified: number | null },
): { scans: string[]; lines: string[] } {
  const now = Date.now();
  const statements = [
    ...capture(httpDb, "Shared by Me, page 1", (db) =>
      listSharedByMe(db, { sharerId: ownerId, now, page: 1, pageSize: 50 }),
    ),
    ...capture(httpDb, "Shared by Me, Pending", (db) =>
      listSharedByMe(db, { sharerId: ownerId, now, status: "Pending", pageSize: 50 }),
    ),
    ...capture(httpDb, "Shared with Me, page 1", (db) =>
      listSharedWithMe(db, { user: recipient, now, page: 1, pageSize: 50 }),
    ),
    {
      label: "checkAccess",
      sql: CHECK_ACCESS_SQL,
      params: [{ userId: recipient.id, deviceId: "d", serviceId: "svc" }],
    },
  ];
  const scans: string[] = [];
  const lines: string[] = [];
  for (const s of statements) {
    const plan = httpDb.$client
      .prepare(`EXPLAIN QUERY PLAN ${s.sql}`)
      .all(...(s.params as never[])) as { detail: string }[];
    lines.push(`${s.label}: ${s.sql.replace(/\s+/g, " ").slice(0, 90)}…`);
    for (const { detail } of plan) {
      lines.push(`    ${detail}`);
      if (/^SCAN (shares|share_items|users|devices)\b/.test(detail))
        scans.push(`${s.label}: ${detail}`);
    }
  }
  return { scans, lines };
}
