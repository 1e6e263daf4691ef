import type { Metadata } from "next";
import Link from "next/link";
import { listOwnGroups } from "@/lib/groups/store";
import { notFound } from "next/navigation";
import { ShareDialog } from "@/components/sharing/share-dialog";
import { pageContext } from "@/lib/request/page-context";
import { listOwnedDevices } from "@/lib/devices/queries";
import { getShareForSharer } from "@/lib/sharing/share-details";
import { draftFromShare } from "@/lib/sharing/share-draft";

export const metadata: Metadata = { title: "Share again" };

/** Permissions never change in place: this cancels the share and shares again, pre-filled. */
export default async function ShareAgainPage({ params }: { params: Promise<{ shareId: string }> }) {
  const { shareId } = await params;
  const { user, db, now } = await pageContext(
    `/shared-by-me/${encodeURIComponent(shareId)}/share-again`,
  );
  const detail = await getShareForSharer(db, { shareId, sharerId: user.id, now });
  if (!detail || !["Pending", "Active", "Expired", "Suspended"].includes(detail.status)) notFound();
  const ids = new Set(detail.items.filter((i) => i.removedAt == null).map((i) => i.deviceId));
  const devices = (await listOwnedDevices(db, { ownerId: user.id, pageSize: 100_000 })).rows.filter(
    (d) => ids.has(d.id),
  );
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link href={`/shared-by-me/${shareId}`} className="text-sm text-brand-700 underline">
        Back to the share
      </Link>
      <h1 className="text-2xl font-semibold">
        Share again with{" "}
        {detail.group
          ? `group ${detail.group.groupName}`
          : (detail.recipientName ?? detail.share.recipientEmail)}
      </h1>
      <p className="text-sm text-slate-600">
        Change the permissions, services, schedule or expiry below. The current share is cancelled
        and the new one created together.
      </p>
      <ShareDialog
        selection={{ mode: "ids", ids: devices.map((d) => d.id), devices }}
        selfEmail={user.email}
        groups={await listOwnGroups(db, user.id)}
        draft={draftFromShare(detail, now)}
        replaceShareId={detail.share.id}
        triggerLabel="Open the share dialog"
        defaultOpen
      />
    </div>
  );
}
