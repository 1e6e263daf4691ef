"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { addServiceAction } from "@/lib/actions/devices";
import { SERVICE_KINDS } from "@/lib/devices/validation";
import { SubmitButton } from "@/components/ui/buttons";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";

export function ServiceForm({ deviceId }: { deviceId: string }) {
  // Stays on screen for the next entry: emptied after a success, kept after a refusal.
  const {
    state,
    echoed,
    formProps: actionProps,
  } = useActionForm(addServiceAction, {
    resetOnSuccess: true,
  });
  return (
    <form
      {...actionProps}
      className="grid gap-3 sm:grid-cols-[1fr_10rem_8rem_auto] sm:items-start"
      noValidate
    >
      <input type="hidden" name="deviceId" value={deviceId} />
      <TextField
        label="Name"
        name="name"
        id="service-name"
        placeholder="SSH"
        defaultValue={echoed("name")}
        errors={state?.fieldErrors?.name}
      />
      <SelectField
        label="Kind"
        name="kind"
        id="service-kind"
        defaultValue={echoed("kind", "SSH")}
        errors={state?.fieldErrors?.kind}
      >
        {SERVICE_KINDS.map((k) => (
          <option key={k}>{k}</option>
        ))}
      </SelectField>
      <TextField
        label="Port"
        name="port"
        id="service-port"
        inputMode="numeric"
        placeholder="22"
        defaultValue={echoed("port")}
        errors={state?.fieldErrors?.port}
      />
      <div className="sm:pt-6">
        <SubmitButton>Add service</SubmitButton>
      </div>
      <div className="sm:col-span-4">
        <FormMessage state={state} success="Service added." />
      </div>
    </form>
  );
}
