"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { signOutEverywhereAction } from "@/lib/actions/account";
import { SubmitButton } from "@/components/ui/buttons";
import { FormMessage } from "@/components/ui/form-message";

export function SignOutEverywhere() {
  const { state, formProps: actionProps } = useActionForm(signOutEverywhereAction);
  return (
    <form {...actionProps} className="space-y-2">
      <p className="text-sm text-slate-600">
        Ends every session, this one included, and revokes your API tokens.
      </p>
      <SubmitButton variant="danger" pendingText="Signing out…">
        Sign out everywhere
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
