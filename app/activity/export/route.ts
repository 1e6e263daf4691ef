import type { NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { parseActivityFilters } from "@/lib/activity/filters";
import { activityCsv } from "@/lib/activity/export";
import { csvExport } from "@/lib/request/csv-export";

export const dynamic = "force-dynamic";

/** /activity as CSV: the same filters, every page (cursors are ignored). */
export function GET(req: NextRequest) {
  return csvExport(req, "activity", (user, sp) => {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { before, after, ...filters } = parseActivityFilters(sp);
    return activityCsv(getDb(), { sharerId: user.id, ...filters });
  });
}
