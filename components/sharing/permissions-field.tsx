"use client";

import { FieldErrors, inputClass } from "@/components/ui/field";
import {
  OPERATIONS,
  OPERATION_LABELS,
  PRESETS,
  type Operation,
  type PresetName,
} from "@/lib/sharing/permissions";

export type PermissionChoice = PresetName | "Custom";

export function PermissionsField({
  preset,
  custom,
  onPreset,
  onCustom,
  errors,
}: {
  preset: PermissionChoice;
  custom: Operation[];
  onPreset: (p: PermissionChoice) => void;
  onCustom: (ops: Operation[]) => void;
  errors?: string[];
}) {
  const shown = preset === "Custom" ? custom : PRESETS[preset];
  return (
    <div className="space-y-1">
      <label htmlFor="share-permissions" className="block text-sm font-medium">
        Permissions
      </label>
      <select
        id="share-permissions"
        value={preset}
        onChange={(e) => onPreset(e.target.value as PermissionChoice)}
        className={inputClass}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby="share-permissions-hint share-permissions-error"
      >
        <option value="Viewer">Viewer — see the device and its status</option>
        <option value="Operator">Operator — view and operate</option>
        <option value="Manager">
          Manager — everything, including configure, scripts and remote access
        </option>
        <option value="Custom">Custom…</option>
      </select>
      {preset === "Custom" ? (
        <fieldset className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <legend className="sr-only">Custom permissions</legend>
          {OPERATIONS.map((op) => (
            <label key={op} className="flex items-center gap-1">
              <input
                type="checkbox"
                checked={custom.includes(op)}
                disabled={op === "view"}
                onChange={(e) =>
                  onCustom(e.target.checked ? [...custom, op] : custom.filter((x) => x !== op))
                }
              />
              {OPERATION_LABELS[op]}
            </label>
          ))}
        </fieldset>
      ) : null}
      <p id="share-permissions-hint" className="text-xs text-slate-500">
        Grants: {shown.map((o) => OPERATION_LABELS[o]).join(", ")}. Permissions cannot be changed
        after sharing.
      </p>
      <FieldErrors id="share-permissions-error" errors={errors} />
    </div>
  );
}
