import "server-only";
import type { Db } from "@/db/client";
import { accessRows } from "@/lib/access/matrix/query";
import type { MatrixFilters } from "@/lib/access/matrix/filters";
import { csvDocument, isoOrEmpty } from "@/lib/platform/csv";

const HEADER = [
  "Device",
  "Hardware ID",
  "Group",
  "Recipient email",
  "Recipient name",
  "Status",
  "Permissions",
  "Operations",
  "Services",
  "Expires",
  "Share ID",
  // Last, so existing columns keep their places: "via <group>" for a member of a group share.
  "Via",
];

/** Who has access, one line per device × share (no column cap), with the page's filters. */
export async function accessCsv(
  db: Db,
  q: MatrixFilters & { ownerId: string; now: number },
): Promise<string> {
  return csvDocument(
    HEADER,
    (await accessRows(db, q)).map((r) => [
      r.name,
      r.hardwareId,
      r.groupPath,
      r.email,
      r.recipientName ?? "",
      r.status,
      r.preset,
      r.permissions.join(" "),
      r.allServices ? "all" : "some",
      r.expiresAt == null ? "permanent" : isoOrEmpty(r.expiresAt),
      r.shareId,
      r.via ? `via ${r.via}` : "",
    ]),
  );
}
