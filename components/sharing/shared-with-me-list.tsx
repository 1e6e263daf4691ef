"use client";

import Link from "next/link";
import { useId, useState } from "react";
import type { EffectiveStatus } from "@/lib/sharing/status";
import { acceptShareAction } from "@/lib/actions/share-respond";
import { useActionForm } from "@/components/forms/use-action-form";
import { ConfirmModal } from "@/components/ui/confirm-action";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormMessage } from "@/components/ui/form-message";
import { StatusBadge } from "@/components/sharing/status-badge";
import {
  CONFIRMED_RESPONSES,
  responseButtonName,
  type ConfirmedResponse,
} from "@/components/sharing/recipient-responses";
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

/** The share whose Decline or Leave dialog is showing (kept after closing, so it closes in place). */
type Target = { kind: ConfirmedResponse; shareId: string; sharerName: string; open: boolean };

/**
 * One client island for the whole list, fed slim rows: cheaper to render and to send than a
 * server-rendered list holding a client component per row (bench/: Shared with Me). For the
 * same reason the rows hold plain buttons: one Accept form (each row's button submits it with
 * its share, also without JavaScript) and one Decline and one Leave dialog serve every row.
 */
export function SharedWithMeList({ groups }: { groups: ReceivedGroup[] }) {
  const acceptForm = useId();
  const accept = useActionForm(acceptShareAction);
  // The row whose Accept answered last: its refusal is shown there.
  const [accepting, setAccepting] = useState<string | null>(null);
  const [target, setTarget] = useState<Target | null>(null);
  const close = () => setTarget((t) => (t ? { ...t, open: false } : t));
  const askButton = (kind: ConfirmedResponse, shareId: string, sharerName: string) => (
    <button
      type="button"
      className={buttonStyles.secondary}
      aria-label={responseButtonName(kind, sharerName)}
      onClick={() => setTarget({ kind, shareId, sharerName, open: true })}
    >
      {CONFIRMED_RESPONSES[kind].label}
    </button>
  );
  const asked = target && CONFIRMED_RESPONSES[target.kind];

  return (
    <>
      <form id={acceptForm} {...accept.formProps} />
      {groups.map((g) => (
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
                  {r.via ? (
                    <div className="text-xs font-medium text-slate-700">via {r.via}</div>
                  ) : null}
                  {r.devices ? <div className="text-xs text-slate-600">{r.devices}</div> : null}
                  {r.description ? (
                    <div className="text-xs text-slate-500">{r.description}</div>
                  ) : null}
                  <div className="text-xs text-slate-500">
                    Shared {formatDate(r.createdAt)} · expires {formatExpiry(r.expiresAt)}
                  </div>
                </div>
                <StatusBadge status={r.status} />
                {r.status === "Pending" ? (
                  <div className="flex flex-wrap items-center gap-2">
                    <button
                      type="submit"
                      form={acceptForm}
                      name="shareId"
                      value={r.id}
                      className={buttonStyles.primary}
                      disabled={accept.pending}
                      aria-busy={accept.pending && accepting === r.id}
                      aria-label={`Accept share from ${g.sharer.name}`}
                      onClick={() => setAccepting(r.id)}
                    >
                      Accept
                    </button>
                    {askButton("decline", r.id, g.sharer.name)}
                    <FormMessage state={accepting === r.id ? accept.state : undefined} />
                  </div>
                ) : r.status === "Active" || r.status === "Suspended" ? (
                  askButton("leave", r.id, g.sharer.name)
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
      {target && asked ? (
        <ConfirmModal
          // A fresh dialog (and answer) per share and kind.
          key={`${target.kind}:${target.shareId}`}
          open={target.open}
          onClose={close}
          label={asked.label}
          title={asked.title(target.sharerName)}
          action={asked.action}
          fields={{ shareId: target.shareId }}
        >
          {asked.body(target.sharerName)}
        </ConfirmModal>
      ) : null}
    </>
  );
}
