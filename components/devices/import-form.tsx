"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { importDevicesAction } from "@/lib/actions/devices";
import { SubmitButton } from "@/components/ui/buttons";
import { FieldErrors, TextAreaField, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";

export function ImportForm() {
  const { state, echoed, formProps: actionProps } = useActionForm(importDevicesAction);
  const created = state?.ok ? (state.data as { created: number }).created : 0;
  return (
    <form {...actionProps} className="space-y-4" noValidate>
      <div className="space-y-1">
        <label htmlFor="csv-file" className="block text-sm font-medium">
          CSV file
        </label>
        <input
          id="csv-file"
          name="file"
          type="file"
          accept=".csv,text/csv"
          className={inputClass}
          aria-invalid={state?.fieldErrors?.file ? true : undefined}
          aria-describedby="file-error"
        />
        <FieldErrors id="file-error" errors={state?.fieldErrors?.file} />
      </div>
      <TextAreaField
        label="CSV"
        name="csv"
        rows={8}
        placeholder={
          "name,hardware_id,group,services\nGateway 1,80:00:00:00:12:34:56:78,Site A / Floor 2,SSH:22;HTTP:80"
        }
        hint={
          "Or paste the rows here. Columns: name, hardware_id, group, kind (optional), " +
          "services (Kind:Port or Name=Kind:Port, separated by ;)."
        }
        defaultValue={echoed("csv")}
        errors={state?.fieldErrors?.csv}
        className={`${inputClass} font-mono`}
      />
      <FormMessage
        state={state}
        success={`Imported ${created} device${created === 1 ? "" : "s"}.`}
      />
      <SubmitButton pendingText="Importing…">Import devices</SubmitButton>
    </form>
  );
}
