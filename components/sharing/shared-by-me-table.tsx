"use client";

import Link from "next/link";
import { useState } from "react";
import type { SharedByMeTableRow } from "@/components/sharing/shared-by-me-rows";
import { cancelSharesAction, copyLinkAction } from "@/lib/actions/share-manage";
import { ConfirmAction, ConfirmModal } from "@/components/ui/confirm-action";
import { buttonStyles } from "@/components/ui/button-styles";
import { CopyLinkButton } from "@/components/sharing/copy-link-button";
import { ExtendDialog, ExtendModal } from "@/components/sharing/extend-dialog";
import { StatusBadge } from "@/components/sharing/status-badge";
import { formatDate, formatExpiry } from "@/lib/platform/format";

const ENDED = new Set(["Cancelled", "Declined", "Left"]);

/** The row whose Extend or Cancel dialog is showing (kept after closing, so it closes in place). */
type Target = { kind: "extend" | "cancel"; row: SharedByMeTableRow; open: boolean };
const recipientOf = (r: SharedByMeTableRow) =>
  r.recipientName ? `${r.recipientName} (${r.share.recipientEmail})` : r.share.recipientEmail;

export function SharedByMeTable({ rows }: { rows: SharedByMeTableRow[] }) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  // One Extend and one Cancel dialog for the whole table, not one pair per row: 50 rows of
  // dialogs, forms and action state cost every render of the page for nothing.
  const [target, setTarget] = useState<Target | null>(null);
  const openFor = (kind: Target["kind"], row: SharedByMeTableRow) =>
    setTarget({ kind, row, open: true });
  const close = () => setTarget((t) => (t ? { ...t, open: false } : t));
  const selectable = rows.filter((r) => !ENDED.has(r.status));
  const ids = [...selected].filter((id) => selectable.some((r) => r.share.id === id));
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const n = new Set(s);
      if (on) n.add(id);
      else n.delete(id);
      return n;
    });

  return (
    <div className="space-y-3">
      {ids.length ? (
        <div
          role="region"
          aria-label="Bulk actions"
          className="flex flex-wrap items-center gap-2 rounded-md bg-brand-50 px-3 py-2 text-sm max-sm:sticky max-sm:top-0 max-sm:z-20"
        >
          <span>{ids.length} selected</span>
          <ExtendDialog shareIds={ids} label="Extend selected" />
          <ConfirmAction
            label="Cancel selected"
            title={`Cancel ${ids.length} shares?`}
            action={cancelSharesAction}
            fields={{ shareIds: ids.join(",") }}
            onDone={() => setSelected(new Set())}
          >
            The recipients lose access to every device in these shares at once.
          </ConfirmAction>
        </div>
      ) : null}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="table-cards w-full text-left text-sm">
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className="w-10">
                <label className="hit">
                  <input
                    type="checkbox"
                    aria-label="Select all shares on this page"
                    checked={
                      selectable.length > 0 && selectable.every((r) => selected.has(r.share.id))
                    }
                    onChange={(e) =>
                      setSelected(
                        e.target.checked ? new Set(selectable.map((r) => r.share.id)) : new Set(),
                      )
                    }
                  />
                </label>
              </th>
              <th scope="col">Recipient</th>
              <th scope="col">Devices</th>
              <th scope="col">Permissions</th>
              <th scope="col">Status</th>
              <th scope="col">Expires</th>
              <th scope="col">Created</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const who = recipientOf(r);
              const live = !ENDED.has(r.status);
              return (
                <tr key={r.share.id} className="border-t border-slate-100 align-top">
                  <td>
                    {live ? (
                      <label className="hit">
                        <input
                          type="checkbox"
                          aria-label={`Select share with ${r.share.recipientEmail}`}
                          checked={selected.has(r.share.id)}
                          onChange={(e) => toggle(r.share.id, e.target.checked)}
                        />
                      </label>
                    ) : null}
                  </td>
                  <td>
                    <Link
                      href={`/shared-by-me/${r.share.id}`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {r.recipientName ?? r.share.recipientEmail}
                    </Link>
                    {r.recipientName ? (
                      <div className="text-xs text-slate-500">{r.share.recipientEmail}</div>
                    ) : null}
                    {r.share.description ? (
                      <div className="text-xs text-slate-500">{r.share.description}</div>
                    ) : null}
                  </td>
                  <td data-label="Devices">{r.deviceCount}</td>
                  <td data-label="Permissions">{r.preset}</td>
                  <td data-label="Status">
                    <StatusBadge status={r.status} />
                  </td>
                  <td data-label="Expires">
                    {formatExpiry(r.share.expiresAt)}
                    {r.timeLeft && r.status !== "Expired" && r.share.expiresAt != null ? (
                      <div className="text-xs text-slate-500">{r.timeLeft} left</div>
                    ) : null}
                  </td>
                  <td data-label="Created">{formatDate(r.share.createdAt)}</td>
                  <td>
                    <div className="flex flex-wrap gap-1 sm:justify-end">
                      {r.status === "Pending" ? (
                        <CopyLinkButton
                          onCopy={async () => {
                            const res = await copyLinkAction(undefined, { shareId: r.share.id });
                            return res.ok ? res.data?.link : undefined;
                          }}
                        />
                      ) : null}
                      {live && r.share.expiresAt != null ? (
                        <button
                          type="button"
                          className={buttonStyles.secondary}
                          aria-label={`Extend expiration for ${who}`}
                          onClick={() => openFor("extend", r)}
                        >
                          Extend expiration
                        </button>
                      ) : null}
                      {live ? (
                        <button
                          type="button"
                          className={buttonStyles.secondary}
                          aria-label={`Cancel sharing with ${who}`}
                          onClick={() => openFor("cancel", r)}
                        >
                          Cancel sharing
                        </button>
                      ) : null}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {target?.kind === "extend" ? (
        <ExtendModal
          key={target.row.share.id}
          shareIds={[target.row.share.id]}
          open={target.open}
          onClose={close}
        />
      ) : null}
      {target?.kind === "cancel" ? (
        <ConfirmModal
          key={target.row.share.id}
          open={target.open}
          onClose={close}
          label="Cancel sharing"
          title={`Cancel sharing with ${recipientOf(target.row)}?`}
          action={cancelSharesAction}
          fields={{ shareIds: target.row.share.id }}
        >
          {target.row.recipientName ?? target.row.share.recipientEmail} loses access to{" "}
          {target.row.deviceCount} device{target.row.deviceCount === 1 ? "" : "s"} at once. To share
          again later, start a new share.
        </ConfirmModal>
      ) : null}
    </div>
  );
}
