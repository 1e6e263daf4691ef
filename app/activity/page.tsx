import type { Metadata } from "next";
import Link from "next/link";
import { ActivityFiltersForm } from "@/components/activity/activity-filters";
import { ActivityTable } from "@/components/activity/activity-table";
import { ExportCsvLink } from "@/components/ui/export-csv-link";
import { encodeActivityCursor, parseActivityFilters } from "@/lib/activity/filters";
import { listActivity } from "@/lib/activity/query";
import { pageContext } from "@/lib/request/page-context";
import { withParams, type SearchParams } from "@/lib/request/search-params";

export const metadata: Metadata = { title: "Activity" };
const PAGE_SIZE = 50;
const linkClass =
  "inline-flex items-center rounded border border-slate-300 bg-white px-2 py-1 max-sm:min-h-11";

export default async function ActivityPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const sp = await searchParams;
  const { user, db } = await pageContext(withParams("/activity", sp, {}));
  const { before, after, ...filters } = parseActivityFilters(sp);
  const page = await listActivity(db, {
    sharerId: user.id,
    ...filters,
    before,
    after,
    limit: PAGE_SIZE,
  });
  const at = (changes: Record<string, string | undefined>) =>
    withParams("/activity", sp, { before: undefined, after: undefined, ...changes });
  const filtered = !!(filters.type || filters.recipient || filters.fromText || filters.toText);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">Activity</h1>
        <ExportCsvLink
          href={withParams("/activity/export", sp, { before: undefined, after: undefined })}
        />
      </div>
      <p className="text-sm text-slate-600">
        Everything that happened to the shares you made, newest first.
      </p>
      <ActivityFiltersForm f={filters} />
      {page.rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
          {filtered
            ? "No events match these filters."
            : "Nothing yet: events appear here once you share devices."}
        </p>
      ) : (
        <ActivityTable rows={page.rows} />
      )}
      <nav aria-label="Pagination" className="flex justify-end gap-2 text-sm">
        {page.newer ? (
          <>
            <Link className={linkClass} href={at({})}>
              Newest
            </Link>
            <Link className={linkClass} href={at({ after: encodeActivityCursor(page.newer) })}>
              Newer events
            </Link>
          </>
        ) : null}
        {page.older ? (
          <Link className={linkClass} href={at({ before: encodeActivityCursor(page.older) })}>
            Older events
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
