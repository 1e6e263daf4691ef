"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { redeliverWebhookAction } from "@/lib/actions/webhooks";
import { buttonStyles } from "@/components/ui/button-styles";

export function RedeliverButton({ deliveryId }: { deliveryId: string }) {
  const { state, formProps: actionProps, pending: pending } = useActionForm(redeliverWebhookAction);
  return (
    <form {...actionProps} className="flex items-center gap-2">
      <input type="hidden" name="deliveryId" value={deliveryId} />
      <button
        type="submit"
        className={buttonStyles.secondary}
        disabled={pending}
        aria-busy={pending}
      >
        Redeliver
      </button>
      <span role="status" className="text-xs text-slate-600">
        {state?.ok ? "Queued" : (state?.message ?? "")}
      </span>
    </form>
  );
}
