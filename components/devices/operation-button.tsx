"use client";

import { useActionState } from "react";
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
  const [state, action] = useActionState(performOperationAction, undefined);
  return (
    <form action={action} className="inline-flex items-center gap-2">
      <input type="hidden" name="deviceId" value={deviceId} />
      <input type="hidden" name="operation" value={operation} />
      {serviceId ? <input type="hidden" name="serviceId" value={serviceId} /> : null}
      <SubmitButton variant="secondary">{label}</SubmitButton>
      <FormMessage
        state={state}
        success={state?.ok ? (state.data as { message: string }).message : undefined}
      />
      {/* Hidden fields have nowhere else to show their errors (forged or stale requests). */}
      {state?.errors ? (
        <span className="text-sm text-red-700">{Object.values(state.errors).flat().join(" ")}</span>
      ) : null}
    </form>
  );
}
