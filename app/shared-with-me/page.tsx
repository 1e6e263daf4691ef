import type { Metadata } from "next";
import { VerifyEmailNotice } from "@/components/account/verify-email-notice";
import { LiveRefresh } from "@/components/live-refresh";
import { SharedWithMeList } from "@/components/sharing/shared-with-me-list";
import { ShareFilters } from "@/components/sharing/share-filters";
import { Pagination } from "@/components/ui/pagination";
import { pageContext } from "@/lib/request/page-context";
import { listSharedWithMe } from "@/lib/sharing/queries";
import { deviceNamePreview, previewText } from "@/lib/sharing/device-preview";
import { EFFECTIVE_STATUSES, type EffectiveStatus } from "@/lib/sharing/status";
import { pageParam, param, withParams, type SearchParams } from "@/lib/request/search-params";

export const metadata: Metadata = { title: "Shared with Me" };
// Paged like Shared by Me: 2,000 received shares on one page were a 4 MB response.
// 25 keeps the page fast for recipients of thousands of shares (see README, Performance).
const PAGE_SIZE = 25;

export default async function SharedWithMePage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const sp = await searchParams;
  const { user, db, now } = await pageContext(withParams("/shared-with-me", sp, {}));
  const statusParam = param(sp, "status");
  const status = EFFECTIVE_STATUSES.find((s) => s.toLowerCase() === statusParam?.toLowerCase()) as
    EffectiveStatus | undefined;
  const q = param(sp, "q");
  const { groups, total, page } = await listSharedWithMe(db, {
    user,
    now: now,
    status,
    q,
    page: pageParam(sp),
    pageSize: PAGE_SIZE,
  });
  const previews = await deviceNamePreview(
    db,
    groups.flatMap((g) => g.shares.map((r) => r.share.id)),
  );

  return (
    <div className="space-y-6">
      <LiveRefresh scope="recipient" />
      <h1 className="text-2xl font-semibold">Shared with Me</h1>
      {user.emailVerified == null ? <VerifyEmailNotice email={user.email} /> : null}
      <ShareFilters path="/shared-with-me" q={q} status={status} />
      {total === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
          {q || status ? (
            <p>No shares match these filters.</p>
          ) : (
            <p>
              Nothing has been shared with you yet. When someone shares devices with {user.email},
              they appear here.
            </p>
          )}
        </div>
      ) : (
        <SharedWithMeList
          groups={groups.map((g) => ({
            sharer: g.sharer,
            shares: g.shares.map((r) => ({
              id: r.share.id,
              status: r.status,
              preset: r.preset,
              deviceCount: r.deviceCount,
              devices: r.deviceCount ? previewText(previews.get(r.share.id), r.deviceCount) : "",
              description: r.share.description,
              createdAt: r.share.createdAt,
              expiresAt: r.share.expiresAt,
              via: r.groupName,
            })),
          }))}
        />
      )}
      <Pagination
        path="/shared-with-me"
        sp={sp}
        page={page}
        pageCount={Math.max(1, Math.ceil(total / PAGE_SIZE))}
        total={total}
        noun="share"
      />
    </div>
  );
}
