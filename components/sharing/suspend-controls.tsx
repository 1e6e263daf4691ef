"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { resumeShareAction, suspendShareAction } from "@/lib/actions/share-suspend";
import type { EffectiveStatus } from "@/lib/sharing/status";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { SubmitButton } from "@/components/ui/buttons";
import { FormMessage } from "@/components/ui/form-message";

/**
 * `Suspend` (asks first: the recipient loses access at once) on an active share, `Resume`
 * (harmless, so immediate) on a suspended one; nothing otherwise.
 */
export function SuspendControls({
  shareId,
  status,
  recipient,
}: {
  shareId: string;
  status: EffectiveStatus;
  recipient: string;
}) {
  const { state, formProps: resumeProps } = useActionForm(resumeShareAction);
  if (status === "Active") {
    return (
      <ConfirmAction
        label="Suspend"
        title={`Suspend sharing with ${recipient}?`}
        action={suspendShareAction}
        fields={{ shareId }}
        variant="primary"
      >
        {recipient} cannot use the shared devices until you resume. The share keeps its devices,
        permissions and expiry.
      </ConfirmAction>
    );
  }
  if (status !== "Suspended") return null;
  return (
    <form {...resumeProps} className="contents">
      <input type="hidden" name="shareId" value={shareId} />
      <SubmitButton variant="secondary">Resume</SubmitButton>
      {state && !state.ok ? <FormMessage state={state} /> : null}
    </form>
  );
}
