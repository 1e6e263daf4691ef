import "server-only";
import type { Db } from "@/db/client";
import { describeEvent } from "@/lib/activity/events";
import { allActivity } from "@/lib/activity/query";
import type { ActivityFilters } from "@/lib/activity/filters";
import { csvDocument, isoOrEmpty, type CsvCell } from "@/lib/platform/csv";

const HEADER = [
  "Time (UTC)",
  "Event",
  "Description",
  "Actor",
  "Recipient email",
  "Recipient name",
  "Share ID",
];

/** The activity list as CSV: same filters, same wording as the page, every page of it. */
export async function activityCsv(
  db: Db,
  q: ActivityFilters & { sharerId: string },
): Promise<string> {
  const rows: CsvCell[][] = [];
  for await (const e of allActivity(db, q)) {
    rows.push([
      isoOrEmpty(e.createdAt),
      e.type,
      describeEvent(e),
      e.actorName ?? "",
      e.recipientEmail,
      e.recipientName ?? "",
      e.shareId,
    ]);
  }
  return csvDocument(HEADER, rows);
}
