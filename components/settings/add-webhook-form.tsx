"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { SecretOnce } from "@/components/forms/secret-once";
import { addWebhookEndpointAction } from "@/lib/actions/webhooks";
import { buttonStyles } from "@/components/ui/button-styles";
import { FieldErrors, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/events";

/** Adds an endpoint; its signing secret is shown once, read-only, with Copy secret. */
export function AddWebhookForm() {
  const { state, pending, echoed, formProps, clear } = useActionForm(addWebhookEndpointAction, {
    resetOnSuccess: true,
  });
  const e = state?.fieldErrors;
  const added = state?.ok ? state.data : undefined;
  return (
    <div className="space-y-4">
      <form {...formProps} className="max-w-xl space-y-4">
        <TextField
          label="URL"
          name="url"
          id="webhook-url"
          type="url"
          inputMode="url"
          placeholder="https://example.com/hooks/keyshare"
          defaultValue={echoed("url")}
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
        <SecretOnce
          id="webhook-secret"
          label="Signing secret"
          value={added.secret}
          copyLabel="Copy secret"
          onDone={clear}
        >
          Endpoint {added.url} added. Copy its signing secret now: it is shown only once.
        </SecretOnce>
      ) : null}
    </div>
  );
}
