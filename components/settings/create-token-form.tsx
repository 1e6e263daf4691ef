"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { SecretOnce } from "@/components/forms/secret-once";
import { createApiTokenAction } from "@/lib/actions/api-tokens";
import { buttonStyles } from "@/components/ui/button-styles";
import { FieldErrors, SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";

/**
 * Creates a token and shows its value once, in a read-only field with Copy token. A refused
 * form keeps what was typed (useActionForm).
 */
export function CreateTokenForm() {
  const { state, pending, echoed, formProps, clear } = useActionForm(createApiTokenAction, {
    resetOnSuccess: true,
  });
  const e = state?.fieldErrors;
  const created = state?.ok ? state.data : undefined;
  return (
    <div className="space-y-4">
      <form {...formProps} className="max-w-xl space-y-4">
        <TextField
          label="Name"
          name="name"
          id="token-name"
          maxLength={100}
          defaultValue={echoed("name")}
          errors={e?.name}
        />
        <fieldset className="space-y-1" aria-describedby="token-scopes-error">
          <legend className="text-sm font-medium text-slate-800">Scopes</legend>
          <label className="flex min-h-11 items-center gap-2 text-sm">
            <input type="checkbox" name="scopes" value="read" defaultChecked /> Read
          </label>
          <label className="flex min-h-11 items-center gap-2 text-sm">
            <input type="checkbox" name="scopes" value="write" /> Write
          </label>
          <FieldErrors id="token-scopes-error" errors={e?.scopes} />
        </fieldset>
        <SelectField
          label="Expires"
          name="expires"
          id="token-expires"
          defaultValue={echoed("expires", "90")}
          errors={e?.expires}
        >
          <option value="30">In 30 days</option>
          <option value="90">In 90 days</option>
          <option value="365">In 365 days</option>
          <option value="never">Never</option>
        </SelectField>
        {created ? null : <FormMessage state={state} />}
        <button
          type="submit"
          className={buttonStyles.primary}
          disabled={pending}
          aria-busy={pending}
        >
          Create token
        </button>
      </form>
      {created ? (
        <SecretOnce
          id="new-token"
          label="Token"
          value={created.token}
          copyLabel="Copy token"
          onDone={clear}
        >
          Token “{created.name}” created. Copy it now: it is shown only once.
        </SecretOnce>
      ) : null}
    </div>
  );
}
