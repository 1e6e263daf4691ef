"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { savePoliciesAction } from "@/lib/actions/policies";
import type { SharingPolicy } from "@/lib/sharing/policies/policy";
import { buttonStyles } from "@/components/ui/button-styles";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";

const DEFAULT_LABELS = {
  "1d": "1 day",
  "7d": "7 days",
  "30d": "30 days",
  never: "Never (permanent)",
} as const;

/** The owner's rules for new shares; a refused save keeps what was typed (useActionForm). */
export function PolicyForm({ policy }: { policy: SharingPolicy }) {
  const { state, pending, echoed, formProps } = useActionForm(savePoliciesAction);
  const e = state?.fieldErrors;
  return (
    <form {...formProps} className="max-w-xl space-y-4">
      <SelectField
        label="Default expiry"
        name="defaultExpiry"
        id="policy-default-expiry"
        defaultValue={echoed("defaultExpiry", policy.defaultExpiry)}
        errors={e?.defaultExpiry}
        hint="What the Expires choice of the share dialog starts at."
      >
        {Object.entries(DEFAULT_LABELS).map(([v, label]) => (
          <option key={v} value={v}>
            {label}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Maximum expiry"
        name="maxExpiryDays"
        id="policy-max-expiry"
        type="number"
        inputMode="numeric"
        min={1}
        max={1825}
        defaultValue={echoed("maxExpiryDays", String(policy.maxExpiryDays ?? ""))}
        errors={e?.maxExpiryDays}
        hint={
          "In days. New shares and extensions may not end later than this from now; " +
          "permanent shares are refused. Leave empty for no maximum."
        }
      />
      <TextAreaField
        label="Allowed email domains"
        name="allowedDomains"
        id="policy-domains"
        rows={3}
        defaultValue={echoed("allowedDomains", policy.allowedDomains.join(", "))}
        errors={e?.allowedDomains}
        placeholder="example.com, example.org"
        hint="Only recipients with an email at one of these domains can be invited. Leave empty to allow anyone."
      />
      <FormMessage
        state={state}
        success="Sharing policies saved. They apply to new shares and extensions."
      />
      <button type="submit" className={buttonStyles.primary} disabled={pending} aria-busy={pending}>
        Save policies
      </button>
    </form>
  );
}
