"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { createDeviceAction, updateDeviceAction } from "@/lib/actions/devices";
import { DEVICE_KINDS } from "@/lib/devices/validation";
import { SubmitButton } from "@/components/ui/buttons";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";

type Initial = { deviceId: string; name: string; hardwareId: string; group: string; kind: string };

/** Add (no `initial`) or edit a device. */
export function DeviceForm({ initial, groups }: { initial?: Initial; groups: string[] }) {
  const { state, echoed, formProps } = useActionForm<unknown>(
    initial ? updateDeviceAction : createDeviceAction,
  );
  const label = initial ? "Save device" : "Add device";
  return (
    <form {...formProps} className="space-y-4" noValidate>
      {initial ? <input type="hidden" name="deviceId" value={initial.deviceId} /> : null}
      <TextField
        label="Name"
        name="name"
        required
        maxLength={100}
        defaultValue={echoed("name", initial?.name)}
        errors={state?.fieldErrors?.name}
      />
      <TextField
        label="Hardware ID"
        name="hardwareId"
        required
        placeholder="80:00:00:00:12:34:56:78"
        defaultValue={echoed("hardwareId", initial?.hardwareId)}
        errors={state?.fieldErrors?.hardwareId}
      />
      <TextField
        label="Group"
        name="group"
        list="known-groups"
        placeholder="Site A / Floor 2"
        hint="Optional. Use / for sub-groups."
        defaultValue={echoed("group", initial?.group)}
        errors={state?.fieldErrors?.group}
      />
      <datalist id="known-groups">
        {groups.map((g) => (
          <option key={g} value={g} />
        ))}
      </datalist>
      <SelectField
        label="Kind"
        name="kind"
        defaultValue={echoed("kind", initial?.kind ?? "Gateway")}
        errors={state?.fieldErrors?.kind}
      >
        {DEVICE_KINDS.map((k) => (
          <option key={k}>{k}</option>
        ))}
      </SelectField>
      <FormMessage state={state} success={initial ? "Saved." : undefined} />
      {/* Editing happens in a dialog (EditDeviceButton): keep its button in sight there. */}
      <div className={initial ? "dialog-footer" : undefined}>
        <SubmitButton>{label}</SubmitButton>
      </div>
    </form>
  );
}
