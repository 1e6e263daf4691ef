"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { performOperationAction } from "@/lib/actions/device-operations";
import { SubmitButton } from "@/components/ui/buttons";
import { FormMessage } from "@/components/ui/form-message";

export function OperationButton({
  deviceId,
  operation,
  serviceId,
  label,
}: {
  deviceId: string;
  operation: string;
  serviceId?: string;
  label: string;
}) {
  const { state, formProps: actionProps } = useActionForm(performOperationAction);
  return (
    <form {...actionProps} className="inline-flex items-center gap-2">
      <input type="hidden" name="deviceId" value={deviceId} />
      <input type="hidden" name="operation" value={operation} />
      {serviceId ? <input type="hidden" name="serviceId" value={serviceId} /> : null}
      <SubmitButton variant="secondary">{label}</SubmitButton>
      <FormMessage
        state={state}
        success={state?.ok ? (state.data as { message: string }).message : undefined}
      />
      {/* Hidden fields have nowhere else to show their errors (forged or stale requests). */}
      {state?.fieldErrors ? (
        <span className="text-sm text-red-700">
          {Object.values(state.fieldErrors).flat().join(" ")}
        </span>
      ) : null}
    </form>
  );
}
