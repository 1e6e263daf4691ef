// EXPLAIN QUERY PLAN of every statement the list pages and the access check run, on the
// bench data: each must reach shares, share_items and users through an index (SEARCH),
// never a full scan (SCAN) — a scan is what makes a page slow only at fleet size.
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import { checkAccessSql } from "@/lib/access/check";
import { listSharedByMe, listSharedWithMe } from "@/lib/sharing/queries";
import { captureStatements, queryPlans, type SentStatement } from "@/tests/support/db/raw";
import { closeDb, openSqliteDb } from "./sqlite-file";

export async function checkPlans(
  file: string,
  ownerId: string,
  recipient: { id: string; email: string; emailVerified: number | null },
): Promise<{ scans: string[]; lines: string[] }> {
  const now = Date.now();
  const db = await openSqliteDb(file);
  try {
    const labelled = async (label: string, run: Parameters<typeof captureStatements>[1]) =>
      (await captureStatements(db, run)).map((s) => ({ ...s, label }));
    const statements: (SentStatement & { label: string })[] = [
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
    const check = new SQLiteSyncDialect().sqlToQuery(
      checkAccessSql({ userId: recipient.id, deviceId: "d", serviceId: "svc" }),
    );
    statements.push({ label: "checkAccess", sql: check.sql, params: check.params });
    const plans = queryPlans(db, statements);
    const scans: string[] = [];
    const lines: string[] = [];
    statements.forEach((s, i) => {
      lines.push(`${s.label}: ${s.sql.replace(/\s+/g, " ").slice(0, 90)}…`);
      for (const detail of plans[i]) {
        lines.push(`    ${detail}`);
        if (/^SCAN (shares|share_items|users|devices)\b/.test(detail))
          scans.push(`${s.label}: ${detail}`);
      }
    });
    return { scans, lines };
  } finally {
    await closeDb(db);
  }
}
