"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { acceptLinkAction, declineLinkAction } from "@/lib/actions/share-respond";
import { SubmitButton } from "@/components/ui/buttons";
import { FormMessage } from "@/components/ui/form-message";
import { ConfirmAction } from "@/components/ui/confirm-action";

export function LinkResponse({ token, sharerName }: { token: string; sharerName: string }) {
  const { state, formProps: acceptProps } = useActionForm(acceptLinkAction);
  return (
    <div className="space-y-2">
      <div className="flex gap-2 *:flex-1 sm:*:flex-none">
        <form {...acceptProps} className="flex *:flex-1">
          <input type="hidden" name="token" value={token} />
          <SubmitButton>Accept</SubmitButton>
        </form>
        <ConfirmAction
          label="Decline"
          title={`Decline the share from ${sharerName}?`}
          action={declineLinkAction}
          fields={{ token }}
        >
          {sharerName} will be told, and this link stops working.
        </ConfirmAction>
      </div>
      <FormMessage state={state} />
    </div>
  );
}
