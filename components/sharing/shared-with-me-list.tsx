"use client";

import Link from "next/link";
import type { EffectiveStatus } from "@/lib/sharing/status";
import { RecipientActions } from "@/components/sharing/recipient-actions";
import { StatusBadge } from "@/components/sharing/status-badge";
import { formatDate, formatExpiry } from "@/lib/platform/format";

export type ReceivedRow = {
  id: string;
  status: EffectiveStatus;
  preset: string;
  deviceCount: number;
  devices: string;
  description: string;
  createdAt: number;
  expiresAt: number | null;
  /** A group share: the group it reaches this person through. */
  via?: string | null;
};
export type ReceivedGroup = {
  sharer: { id: string; name: string; email: string };
  shares: ReceivedRow[];
};

/**
 * One client island for the whole list, fed slim rows: cheaper to render and to send than a
 * server-rendered list holding a client component per row (bench/: Shared with Me).
 */
export function SharedWithMeList({ groups }: { groups: ReceivedGroup[] }) {
  return groups.map((g) => (
    <section key={g.sharer.id} aria-labelledby={`sharer-${g.sharer.id}`} className="space-y-2">
      <h2 id={`sharer-${g.sharer.id}`} className="text-lg font-semibold">
        From {g.sharer.name}{" "}
        <span className="text-sm font-normal text-slate-500">{g.sharer.email}</span>
      </h2>
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
        {g.shares.map((r) => (
          <li key={r.id} className="flex flex-wrap items-center gap-3 px-4 py-3 text-sm">
            <div className="min-w-48 flex-1">
              <Link
                href={`/shared-with-me/${r.id}`}
                className="font-medium text-brand-700 hover:underline"
              >
                {r.deviceCount} device{r.deviceCount === 1 ? "" : "s"} · {r.preset}
              </Link>
              {r.via ? <div className="text-xs font-medium text-slate-700">via {r.via}</div> : null}
              {r.devices ? <div className="text-xs text-slate-600">{r.devices}</div> : null}
              {r.description ? <div className="text-xs text-slate-500">{r.description}</div> : null}
              <div className="text-xs text-slate-500">
                Shared {formatDate(r.createdAt)} · expires {formatExpiry(r.expiresAt)}
              </div>
            </div>
            <StatusBadge status={r.status} />
            <RecipientActions shareId={r.id} status={r.status} sharerName={g.sharer.name} />
          </li>
        ))}
      </ul>
    </section>
  ));
}
