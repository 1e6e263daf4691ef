import type { Metadata } from "next";
import { currentTime } from "@/lib/clock";
import Link from "next/link";
import { getDb } from "@/db/client";
import { LiveRefresh } from "@/components/live-refresh";
import { ShareFilters } from "@/components/sharing/share-filters";
import { SharedByMeTable } from "@/components/sharing/shared-by-me-table";
import { Pagination } from "@/components/ui/pagination";
import { requireUser } from "@/lib/auth/session";
import { listSharedByMe, type SharedByMeSort } from "@/lib/sharing/queries";
import { EFFECTIVE_STATUSES, type EffectiveStatus } from "@/lib/sharing/status";
import { pageParam, param, withParams, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Shared by Me" };
const SORTS: SharedByMeSort[] = ["newest", "oldest", "expires", "recipient"];
const PAGE_SIZE = 50;

export default async function SharedByMePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const user = await requireUser(withParams("/shared-by-me", sp, {}));
  const statusParam = param(sp, "status");
  const status = EFFECTIVE_STATUSES.find((s) => s.toLowerCase() === statusParam?.toLowerCase()) as EffectiveStatus | undefined;
  const sortParam = param(sp, "sort") as SharedByMeSort | undefined;
  const sort = sortParam && SORTS.includes(sortParam) ? sortParam : "newest";
  const q = param(sp, "q");
  const list = listSharedByMe(getDb(), { sharerId: user.id, now: currentTime(), status, q, sort, page: pageParam(sp), pageSize: PAGE_SIZE });
  const pageCount = Math.max(1, Math.ceil(list.total / PAGE_SIZE));

  return (
    <div className="space-y-6">
      <LiveRefresh scope="sharer" />
      <h1 className="text-2xl font-semibold">Shared by Me</h1>
      <ShareFilters path="/shared-by-me" q={q} status={status} sort={sort} sorts={SORTS} />
      {list.rows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
          {q || status ? (
            <p>No shares match these filters.</p>
          ) : (
            <p>
              You have not shared anything yet. Go to <Link className="text-brand-700 underline" href="/devices">My devices</Link>, tick devices and
              choose Share devices.
            </p>
          )}
        </div>
      ) : (
        <SharedByMeTable key={`${q}|${status}|${sort}|${list.page}`} rows={list.rows} />
      )}
      <Pagination path="/shared-by-me" sp={sp} page={list.page} pageCount={pageCount} total={list.total} noun="share" />
    </div>
  );
}
