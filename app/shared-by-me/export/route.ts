import type { NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { csvExport } from "@/lib/request/csv-export";
import { sharedByMeCsv } from "@/lib/sharing/export";
import { parseSharedByMeFilters } from "@/lib/sharing/shared-by-me-filters";

export const dynamic = "force-dynamic";

/** Shared by Me as CSV, with the same filters as the page. */
export function GET(req: NextRequest) {
  return csvExport(req, "shared-by-me", (user, sp, now) =>
    sharedByMeCsv(getDb(), { sharerId: user.id, now, ...parseSharedByMeFilters(sp) }),
  );
}
