import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RecipientActions } from "@/components/sharing/recipient-actions";
import { ShareSummary } from "@/components/sharing/share-summary";
import { pageContext } from "@/lib/request/page-context";
import { getShareForRecipient } from "@/lib/sharing/share-details";

export const metadata: Metadata = { title: "Shared with me" };

export default async function ReceivedSharePage({
  params,
}: {
  params: Promise<{ shareId: string }>;
}) {
  const { shareId } = await params;
  const { user, db, now } = await pageContext(`/shared-with-me/${encodeURIComponent(shareId)}`);
  const detail = await getShareForRecipient(db, { shareId, user, now: now });
  if (!detail) notFound();
  const active = detail.status === "Active";
  // A suspended share keeps its devices: their pages explain "Sharing suspended".
  const suspended = detail.status === "Suspended";

  return (
    <div className="space-y-8">
      <div>
        <Link href="/shared-with-me" className="text-sm text-brand-700 underline">
          Back to Shared with Me
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">Shared by {detail.sharer.name}</h1>
        <p className="text-sm text-slate-600">{detail.sharer.email}</p>
        {detail.groupName ? (
          <p className="text-sm font-medium text-slate-700">via {detail.groupName}</p>
        ) : null}
      </div>
      <RecipientActions
        shareId={detail.share.id}
        status={detail.status}
        sharerName={detail.sharer.name}
      />
      <ShareSummary detail={detail} side="recipient" />
      {active ? (
        <p
          role="status"
          className={`rounded-md px-3 py-2 text-sm ${
            detail.access.allowed ? "bg-emerald-50 text-emerald-800" : "bg-amber-50 text-amber-800"
          }`}
        >
          {detail.access.allowed
            ? "You can use these devices now."
            : `Not available right now: ${detail.access.reason ?? "outside the schedule"}.`}
        </p>
      ) : null}
      {suspended ? (
        <p role="status" className="rounded-md bg-purple-50 px-3 py-2 text-sm text-purple-800">
          {detail.sharer.name} suspended this share: you cannot use its devices until they resume
          it.
        </p>
      ) : null}
      <section aria-labelledby="devices-h" className="space-y-3">
        <h2 id="devices-h" className="text-lg font-semibold">
          Devices
        </h2>
        {detail.items.length === 0 ? (
          <p className="text-sm text-slate-600">
            {detail.status === "Pending"
              ? "Accept the share to see its devices."
              : `This share is ${detail.status.toLowerCase()}: its devices are no longer available to you.`}
          </p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
            {detail.items.map((i) => (
              <li key={i.itemId} className="px-4 py-3 text-sm">
                {active || suspended ? (
                  <Link
                    href={`/devices/${i.deviceId}`}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {i.deviceName}
                  </Link>
                ) : (
                  <span className="font-medium">{i.deviceName}</span>
                )}
                <span className="ml-2 text-xs text-slate-500">
                  {i.kind}
                  {i.groupPath ? ` · ${i.groupPath}` : ""}
                </span>
                <div className="text-xs text-slate-600">
                  Services:{" "}
                  {i.services === "all"
                    ? "all"
                    : i.services.length
                      ? i.services.map((s) => `${s.name} (${s.kind} ${s.port})`).join(", ")
                      : "none"}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
