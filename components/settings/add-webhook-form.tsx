"use client";

import { startTransition, useActionState, useState } from "react";
import { addWebhookEndpointAction } from "@/lib/actions/webhooks";
import { buttonStyles } from "@/components/ui/button-styles";
import { FieldErrors, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { CopyLinkButton } from "@/components/sharing/copy-link-button";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/events";

/** Adds an endpoint; its signing secret is shown once, read-only, with Copy secret. */
export function AddWebhookForm() {
  const [state, action, pending] = useActionState(addWebhookEndpointAction, undefined);
  const [formKey, setFormKey] = useState(0);
  const e = state?.errors;
  const added = state?.ok ? state.data : undefined;
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
        <TextField
          label="URL"
          name="url"
          id="webhook-url"
          type="url"
          inputMode="url"
          placeholder="https://example.com/hooks/keyshare"
          errors={e?.url}
        />
        <fieldset className="space-y-1" aria-describedby="webhook-events-error">
          <legend className="text-sm font-medium text-slate-800">Events</legend>
          <div className="grid gap-x-4 sm:grid-cols-2">
            {WEBHOOK_EVENTS.map((ev) => (
              <label key={ev} className="flex min-h-11 items-center gap-2 font-mono text-xs">
                <input type="checkbox" name="events" value={ev} defaultChecked /> {ev}
              </label>
            ))}
          </div>
          <FieldErrors id="webhook-events-error" errors={e?.events} />
        </fieldset>
        {added ? null : <FormMessage state={state} />}
        <button
          type="submit"
          className={buttonStyles.primary}
          disabled={pending}
          aria-busy={pending}
        >
          Add endpoint
        </button>
      </form>
      {added ? (
        <div className="max-w-xl space-y-2 rounded-md border border-emerald-300 bg-emerald-50 p-3">
          <p role="status" className="text-sm break-all text-emerald-800">
            Endpoint {added.url} added. Copy its signing secret now: it is shown only once.
          </p>
          <label htmlFor="webhook-secret" className="block text-sm font-medium">
            Signing secret
          </label>
          <div className="flex flex-wrap gap-2">
            <input
              id="webhook-secret"
              readOnly
              value={added.secret}
              className="block min-h-11 w-full min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-xs"
              onFocus={(ev) => ev.target.select()}
            />
            <CopyLinkButton link={added.secret} label="Copy secret" />
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
