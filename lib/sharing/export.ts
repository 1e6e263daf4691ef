import "server-only";
import type { Db } from "@/db/client";
import { csvDocument, isoOrEmpty, type CsvCell } from "@/lib/platform/csv";
import { listSharedByMe } from "@/lib/sharing/queries";
import type { SharedByMeFilters } from "@/lib/sharing/shared-by-me-filters";

/** A spreadsheet is not the place for more; the page says so when the cap is hit. */
export const EXPORT_MAX_ROWS = 50_000;
const HEADER = [
  "Share ID",
  "Recipient email",
  "Recipient name",
  "Status",
  "Permissions",
  "Operations",
  "Devices",
  "Expires",
  "Created",
  "Accepted",
  "Description",
];

/** Shared by Me as CSV, with the page's filters and sort, every page of it. */
export async function sharedByMeCsv(
  db: Db,
  q: { sharerId: string; now: number } & SharedByMeFilters,
): Promise<string> {
  const rows: CsvCell[][] = [];
  for (let page = 1; rows.length < EXPORT_MAX_ROWS; page++) {
    const list = await listSharedByMe(db, { ...q, page, pageSize: 200 });
    for (const r of list.rows) {
      rows.push([
        r.share.id,
        // A group share: no address; named by its group and member count.
        r.groupName != null ? "" : r.share.recipientEmail,
        r.groupName != null
          ? `Group ${r.groupName} (${r.memberCount ?? 0} members)`
          : (r.recipientName ?? ""),
        r.status,
        r.preset,
        r.permissions.join(" "),
        r.deviceCount,
        r.share.expiresAt == null ? "permanent" : isoOrEmpty(r.share.expiresAt),
        isoOrEmpty(r.share.createdAt),
        isoOrEmpty(r.share.acceptedAt),
        r.share.description,
      ]);
    }
    if (page * list.pageSize >= list.total) break;
  }
  return csvDocument(HEADER, rows.slice(0, EXPORT_MAX_ROWS));
}
