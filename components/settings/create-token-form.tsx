"use client";

import { startTransition, useActionState, useState } from "react";
import { createApiTokenAction } from "@/lib/actions/api-tokens";
import { buttonStyles } from "@/components/ui/button-styles";
import { FieldErrors, SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { CopyLinkButton } from "@/components/sharing/copy-link-button";

/**
 * Creates a token and shows its value once, in a read-only field with Copy token. Submitted
 * through onSubmit so a refused form keeps what was typed.
 */
export function CreateTokenForm() {
  const [state, action, pending] = useActionState(createApiTokenAction, undefined);
  const [formKey, setFormKey] = useState(0);
  const e = state?.errors;
  const created = state?.ok ? state.data : undefined;
  return (
    <div className="space-y-4">
      <form
        key={formKey}
        className="max-w-xl space-y-4"
        noValidate
        onSubmit={(ev) => {
          ev.preventDefault();
          const fd = new FormData(ev.currentTarget);
          startTransition(() => action(fd));
        }}
      >
        <TextField label="Name" name="name" id="token-name" maxLength={100} errors={e?.name} />
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
          defaultValue="90"
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
        <div className="max-w-xl space-y-2 rounded-md border border-emerald-300 bg-emerald-50 p-3">
          <p role="status" className="text-sm text-emerald-800">
            Token “{created.name}” created. Copy it now: it is shown only once.
          </p>
          <label htmlFor="new-token" className="block text-sm font-medium">
            Token
          </label>
          <div className="flex flex-wrap gap-2">
            <input
              id="new-token"
              readOnly
              value={created.token}
              className="block min-h-11 w-full min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-xs"
              onFocus={(ev) => ev.target.select()}
            />
            <CopyLinkButton link={created.token} label="Copy token" />
          </div>
          <button
            type="button"
            className={buttonStyles.ghost}
            onClick={() => setFormKey((k) => k + 1)}
          >
            Done
          </button>
        </div>
      ) : null}
    </div>
  );
}
