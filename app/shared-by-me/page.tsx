import type { Metadata } from "next";
import Link from "next/link";
import { LiveRefresh } from "@/components/live-refresh";
import { ShareFilters } from "@/components/sharing/share-filters";
import { SharedByMeTable } from "@/components/sharing/shared-by-me-table";
import { toTableRows } from "@/components/sharing/shared-by-me-rows";
import { Pagination } from "@/components/ui/pagination";
import { pageContext } from "@/lib/request/page-context";
import { ExportCsvLink } from "@/components/ui/export-csv-link";
import { listSharedByMe } from "@/lib/sharing/queries";
import { parseSharedByMeFilters, SHARED_BY_ME_SORTS } from "@/lib/sharing/shared-by-me-filters";
import { pageParam, withParams, type SearchParams } from "@/lib/request/search-params";

export const metadata: Metadata = { title: "Shared by Me" };
const PAGE_SIZE = 50;

export default async function SharedByMePage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const sp = await searchParams;
  const { user, db, now } = await pageContext(withParams("/shared-by-me", sp, {}));
  const { status, sort, q, expiring, expiringWithin } = parseSharedByMeFilters(sp);
  const list = await listSharedByMe(db, {
    sharerId: user.id,
    now: now,
    status,
    q,
    sort,
    expiringWithin,
    page: pageParam(sp),
    pageSize: PAGE_SIZE,
  });
  const pageCount = Math.max(1, Math.ceil(list.total / PAGE_SIZE));

  return (
    <div className="space-y-6">
      <LiveRefresh scope="sharer" />
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">Shared by Me</h1>
        <ExportCsvLink href={withParams("/shared-by-me/export", sp, { page: undefined })} />
      </div>
      <ShareFilters
        path="/shared-by-me"
        q={q}
        status={status}
        sort={sort}
        sorts={SHARED_BY_ME_SORTS}
        expiring={expiring}
      />
      {list.rows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
          {q || status || expiring ? (
            <p>No shares match these filters.</p>
          ) : (
            <p>
              You have not shared anything yet. Go to{" "}
              <Link className="text-brand-700 underline" href="/devices">
                My devices
              </Link>
              , tick devices and choose Share devices.
            </p>
          )}
        </div>
      ) : (
        <SharedByMeTable
          key={`${q}|${status}|${sort}|${expiring}|${list.page}`}
          rows={toTableRows(list.rows)}
        />
      )}
      <Pagination
        path="/shared-by-me"
        sp={sp}
        page={list.page}
        pageCount={pageCount}
        total={list.total}
        noun="share"
      />
    </div>
  );
}
