"use client";

import { buttonStyles } from "@/components/ui/button-styles";
import { CopyLinkButton } from "@/components/sharing/copy-link-button";
import type { ShareDevicesData } from "@/lib/actions/shares";

export function ShareResult({
  result,
  onClose,
}: {
  result: ShareDevicesData;
  onClose: () => void;
}) {
  const groupCount = result.groupShares?.length ?? 0;
  return (
    <div className="space-y-4">
      <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
        Shared with {result.shares.length} recipient{result.shares.length === 1 ? "" : "s"}
        {groupCount ? ` and ${groupCount} group${groupCount === 1 ? "" : "s"}` : ""}.
        {result.skipped.length
          ? ` Skipped ${result.skipped.length} pair${result.skipped.length === 1 ? "" : "s"} that were already shared.`
          : ""}
        {result.notified
          ? " Invitations are on their way."
          : " No emails were sent: send each recipient their link."}
      </p>
      {groupCount ? (
        <p className="text-sm text-slate-700">
          Groups ({result.groupShares!.map((g) => g.groupName).join(", ")}): every member has access
          now, without accepting.
        </p>
      ) : null}
      <ul className="space-y-3">
        {result.shares.map((s) => (
          <li key={s.shareId} role="group" aria-label={s.recipientEmail} className="space-y-1">
            <p className="text-sm font-medium">{s.recipientEmail}</p>
            <div className="flex gap-2">
              <label className="sr-only" htmlFor={`link-${s.shareId}`}>
                Sharing link
              </label>
              <input
                id={`link-${s.shareId}`}
                readOnly
                value={s.link}
                className="block w-full rounded-md border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-xs"
                onFocus={(e) => e.target.select()}
              />
              <CopyLinkButton link={s.link} />
            </div>
          </li>
        ))}
      </ul>
      <div className="dialog-footer">
        <button type="button" className={buttonStyles.primary} onClick={onClose}>
          Done
        </button>
      </div>
    </div>
  );
}
