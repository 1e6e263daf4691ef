import type { Metadata } from "next";
import Link from "next/link";
import { GroupShareFacts } from "@/components/groups/group-share-facts";
import { notFound } from "next/navigation";
import { ActivityLog } from "@/components/sharing/activity-log";
import { ShareDevicesTable } from "@/components/sharing/share-devices-table";
import { ShareSummary } from "@/components/sharing/share-summary";
import { SharerShareActions } from "@/components/sharing/sharer-share-actions";
import { LiveRefresh } from "@/components/live-refresh";
import { pageContext } from "@/lib/request/page-context";
import { getShareForSharer } from "@/lib/sharing/share-details";
import { param, type SearchParams } from "@/lib/request/search-params";

export const metadata: Metadata = { title: "Share" };

export default async function SharePage({
  params,
  searchParams,
}: {
  params: Promise<{ shareId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { shareId } = await params;
  const extendOpen = param(await searchParams, "extend") === "1"; // the reminder email's link
  const { user, db, now } = await pageContext(
    `/shared-by-me/${encodeURIComponent(shareId)}${extendOpen ? "?extend=1" : ""}`,
  );
  const detail = await getShareForSharer(db, {
    shareId,
    sharerId: user.id,
    now: now,
  });
  if (!detail) notFound();
  const live = ["Pending", "Active", "Expired", "Suspended"].includes(detail.status);
  const current = detail.items.filter((i) => i.removedAt == null);

  return (
    <div className="space-y-8">
      <LiveRefresh scope="sharer" />
      <div>
        <Link href="/shared-by-me" className="text-sm text-brand-700 underline">
          Back to Shared by Me
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">
          Shared with{" "}
          {detail.group
            ? `group ${detail.group.groupName}`
            : (detail.recipientName ?? detail.share.recipientEmail)}
        </h1>
        {detail.group ? <GroupShareFacts shareId={detail.share.id} facts={detail.group} /> : null}
      </div>
      <SharerShareActions
        shareId={detail.share.id}
        status={detail.status}
        permanent={detail.share.expiresAt == null}
        recipient={detail.group ? `group ${detail.group.groupName}` : detail.share.recipientEmail}
        deviceCount={detail.deviceCount}
        permissions={detail.permissions}
        live={live}
        extendOpen={extendOpen}
      />
      <ShareSummary detail={detail} side="sharer" />
      <section aria-labelledby="devices-h" className="space-y-3">
        <h2 id="devices-h" className="text-lg font-semibold">
          Devices ({current.length})
        </h2>
        <ShareDevicesTable shareId={detail.share.id} items={detail.items} canRemove={live} />
      </section>
      <section aria-labelledby="activity-h" className="space-y-3">
        <h2 id="activity-h" className="text-lg font-semibold">
          Activity
        </h2>
        <ActivityLog events={detail.events} />
      </section>
    </div>
  );
}
