"use client";

import { useState } from "react";
import {
  cancelSharesAction,
  copyLinkAction,
  regenerateLinkAction,
  resendInvitationAction,
} from "@/lib/actions/share-manage";
import type { EffectiveStatus } from "@/lib/sharing/status";
import { AddDevicesDialog } from "@/components/sharing/add-devices-dialog";
import { CopyLinkButton } from "@/components/sharing/copy-link-button";
import { ExtendDialog } from "@/components/sharing/extend-dialog";
import { SuspendControls } from "@/components/sharing/suspend-controls";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { buttonStyles } from "@/components/ui/button-styles";

type Props = {
  shareId: string;
  status: EffectiveStatus;
  permanent: boolean;
  recipient: string;
  deviceCount: number;
  permissions: string[];
  live: boolean;
  extendOpen?: boolean;
};

export function SharerShareActions({
  shareId,
  status,
  permanent,
  recipient,
  deviceCount,
  live,
  extendOpen,
}: Props) {
  const [note, setNote] = useState("");
  const pending = status === "Pending";
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {live && status !== "Expired" ? <AddDevicesDialog shareId={shareId} /> : null}
        {live && !permanent ? <ExtendDialog shareIds={[shareId]} defaultOpen={extendOpen} /> : null}
        <SuspendControls shareId={shareId} status={status} recipient={recipient} />
        {live ? (
          <ConfirmAction
            label="Cancel sharing"
            title={`Cancel sharing with ${recipient}?`}
            action={cancelSharesAction}
            fields={{ shareIds: shareId }}
          >
            {recipient} loses access to {deviceCount} device{deviceCount === 1 ? "" : "s"} at once.
            To share again later, start a new share.
          </ConfirmAction>
        ) : null}
        {pending ? (
          <>
            <CopyLinkButton
              onCopy={async () => {
                const r = await copyLinkAction(undefined, { shareId });
                return r.ok ? r.data?.link : undefined;
              }}
            />
            <button
              type="button"
              className={buttonStyles.secondary}
              onClick={async () => {
                const r = await resendInvitationAction(undefined, { shareId });
                setNote(
                  r.ok
                    ? `Invitation sent again to ${recipient}.`
                    : (r.message ?? "Could not resend."),
                );
              }}
            >
              Resend invitation
            </button>
            <ConfirmAction
              label="New sharing link"
              title="Replace the sharing link?"
              action={regenerateLinkAction}
              fields={{ shareId }}
              variant="primary"
              onDone={() =>
                setNote(
                  "A new sharing link was made. The old link no longer works; copy the new one.",
                )
              }
            >
              The current link stops working at once. Use this if the link reached the wrong person.
            </ConfirmAction>
          </>
        ) : null}
      </div>
      <p role="status" className="text-sm text-emerald-700">
        {note}
      </p>
    </div>
  );
}
