"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { acceptShareAction } from "@/lib/actions/share-respond";
import type { EffectiveStatus } from "@/lib/sharing/status";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { SubmitButton } from "@/components/ui/buttons";
import { FormMessage } from "@/components/ui/form-message";
import {
  CONFIRMED_RESPONSES,
  responseButtonName,
  type ConfirmedResponse,
} from "@/components/sharing/recipient-responses";

/** Decline or Leave, asking first. */
function ConfirmedResponseButton({
  kind,
  shareId,
  sharerName,
}: {
  kind: ConfirmedResponse;
  shareId: string;
  sharerName: string;
}) {
  const r = CONFIRMED_RESPONSES[kind];
  return (
    <ConfirmAction
      label={r.label}
      triggerLabel={responseButtonName(kind, sharerName)}
      title={r.title(sharerName)}
      action={r.action}
      fields={{ shareId }}
    >
      {r.body(sharerName)}
    </ConfirmAction>
  );
}

/** Accept / Decline while pending, Leave while active — the recipient's whole say. */
export function RecipientActions({
  shareId,
  status,
  sharerName,
  goTo,
}: {
  shareId: string;
  status: EffectiveStatus;
  sharerName: string;
  goTo?: string;
}) {
  const { state, formProps: acceptProps } = useActionForm(acceptShareAction);
  const router = useRouter();
  useEffect(() => {
    if (state?.ok && goTo) router.push(goTo);
  }, [state, goTo, router]);
  if (status === "Pending") {
    return (
      <div className="flex flex-wrap items-center gap-2">
        <form {...acceptProps}>
          <input type="hidden" name="shareId" value={shareId} />
          <SubmitButton aria-label={`Accept share from ${sharerName}`}>Accept</SubmitButton>
        </form>
        <ConfirmedResponseButton kind="decline" shareId={shareId} sharerName={sharerName} />
        <FormMessage state={state} />
      </div>
    );
  }
  if (status === "Active" || status === "Suspended") {
    return <ConfirmedResponseButton kind="leave" shareId={shareId} sharerName={sharerName} />;
  }
  return null;
}
