import type { NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { parseMatrixFilters } from "@/lib/access/matrix/filters";
import { accessCsv } from "@/lib/access/matrix/export";
import { csvExport } from "@/lib/request/csv-export";

export const dynamic = "force-dynamic";

/** Who has access as CSV: the page's filters, every device and recipient (no column cap). */
export function GET(req: NextRequest) {
  return csvExport(req, "who-has-access", (user, sp, now) => {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { page, ...filters } = parseMatrixFilters(sp);
    return accessCsv(getDb(), { ownerId: user.id, now, ...filters });
  });
}
