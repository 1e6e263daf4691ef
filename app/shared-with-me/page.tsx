import type { Metadata } from "next";
import { currentTime } from "@/lib/clock";
import Link from "next/link";
import { getDb } from "@/db/client";
import { LiveRefresh } from "@/components/live-refresh";
import { RecipientActions } from "@/components/sharing/recipient-actions";
import { ShareFilters } from "@/components/sharing/share-filters";
import { StatusBadge } from "@/components/sharing/status-badge";
import { Pagination } from "@/components/ui/pagination";
import { requireUser } from "@/lib/auth/session";
import { formatDate, formatExpiry } from "@/lib/format";
import { listSharedWithMe } from "@/lib/sharing/queries";
import { deviceNamePreview, previewText } from "@/lib/sharing/device-preview";
import { EFFECTIVE_STATUSES, type EffectiveStatus } from "@/lib/sharing/status";
import { pageParam, param, withParams, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Shared with Me" };
// Paged like Shared by Me: 2,000 received shares on one page were a 4 MB response.
// 25 keeps the page fast for recipients of thousands of shares (see README, Performance).
const PAGE_SIZE = 25;

export default async function SharedWithMePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const user = await requireUser(withParams("/shared-with-me", sp, {}));
  const statusParam = param(sp, "status");
  const status = EFFECTIVE_STATUSES.find((s) => s.toLowerCase() === statusParam?.toLowerCase()) as EffectiveStatus | undefined;
  const q = param(sp, "q");
  const db = getDb();
  const { groups, total, page } = listSharedWithMe(db, { user, now: currentTime(), status, q, page: pageParam(sp), pageSize: PAGE_SIZE });
  const previews = deviceNamePreview(db, groups.flatMap((g) => g.shares.map((r) => r.share.id)));

  return (
    <div className="space-y-6">
      <LiveRefresh scope="recipient" />
      <h1 className="text-2xl font-semibold">Shared with Me</h1>
      <ShareFilters path="/shared-with-me" q={q} status={status} />
      {total === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
          {q || status ? <p>No shares match these filters.</p> : <p>Nothing has been shared with you yet. When someone shares devices with {user.email}, they appear here.</p>}
        </div>
      ) : (
        groups.map((g) => (
          <section key={g.sharer.id} aria-labelledby={`sharer-${g.sharer.id}`} className="space-y-2">
            <h2 id={`sharer-${g.sharer.id}`} className="text-lg font-semibold">
              From {g.sharer.name} <span className="text-sm font-normal text-slate-500">{g.sharer.email}</span>
            </h2>
            <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
              {g.shares.map((r) => (
                <li key={r.share.id} className="flex flex-wrap items-center gap-3 px-4 py-3 text-sm">
                  <div className="min-w-48 flex-1">
                    <Link href={`/shared-with-me/${r.share.id}`} className="font-medium text-brand-700 hover:underline">
                      {r.deviceCount} device{r.deviceCount === 1 ? "" : "s"} · {r.preset}
                    </Link>
                    {r.deviceCount ? <div className="text-xs text-slate-600">{previewText(previews.get(r.share.id), r.deviceCount)}</div> : null}
                    {r.share.description ? <div className="text-xs text-slate-500">{r.share.description}</div> : null}
                    <div className="text-xs text-slate-500">Shared {formatDate(r.share.createdAt)} · expires {formatExpiry(r.share.expiresAt)}</div>
                  </div>
                  <StatusBadge status={r.status} />
                  <RecipientActions shareId={r.share.id} status={r.status} sharerName={g.sharer.name} />
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
      <Pagination path="/shared-with-me" sp={sp} page={page} pageCount={Math.max(1, Math.ceil(total / PAGE_SIZE))} total={total} noun="share" />
    </div>
  );
}
