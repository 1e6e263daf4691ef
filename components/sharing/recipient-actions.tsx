"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import {
  acceptShareAction,
  declineShareAction,
  leaveShareAction,
} from "@/lib/actions/share-respond";
import type { EffectiveStatus } from "@/lib/sharing/status";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { SubmitButton } from "@/components/ui/buttons";
import { FormMessage } from "@/components/ui/form-message";

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
        <ConfirmAction
          label="Decline"
          triggerLabel={`Decline share from ${sharerName}`}
          title={`Decline the share from ${sharerName}?`}
          action={declineShareAction}
          fields={{ shareId }}
        >
          {sharerName} will be told. You will not get access to these devices.
        </ConfirmAction>
        <FormMessage state={state} />
      </div>
    );
  }
  if (status === "Active" || status === "Suspended") {
    return (
      <ConfirmAction
        label="Leave"
        triggerLabel={`Leave share from ${sharerName}`}
        title={`Leave the share from ${sharerName}?`}
        action={leaveShareAction}
        fields={{ shareId }}
      >
        You lose access to these devices at once. {sharerName} will be told.
      </ConfirmAction>
    );
  }
  return null;
}
