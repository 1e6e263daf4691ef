"use client";

import { useActionState, useEffect, useRef } from "react";
import { addServiceAction } from "@/lib/actions/devices";
import { SERVICE_KINDS } from "@/lib/devices/validation";
import { SubmitButton } from "@/components/ui/buttons";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";

export function ServiceForm({ deviceId }: { deviceId: string }) {
  const [state, action] = useActionState(addServiceAction, undefined);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  return (
    <form
      ref={form}
      action={action}
      className="grid gap-3 sm:grid-cols-[1fr_10rem_8rem_auto] sm:items-start"
      noValidate
    >
      <input type="hidden" name="deviceId" value={deviceId} />
      <TextField
        label="Name"
        name="name"
        id="service-name"
        placeholder="SSH"
        errors={state?.errors?.name}
      />
      <SelectField
        label="Kind"
        name="kind"
        id="service-kind"
        defaultValue="SSH"
        errors={state?.errors?.kind}
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
        errors={state?.errors?.port}
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
