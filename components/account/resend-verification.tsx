"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { resendVerificationAction } from "@/lib/actions/account";
import { SubmitButton } from "@/components/ui/buttons";
import { FormMessage } from "@/components/ui/form-message";

/** "Resend verification email", with the outcome announced next to it. */
export function ResendVerification({ variant = "primary" }: { variant?: "primary" | "secondary" }) {
  const { state, formProps: actionProps } = useActionForm(resendVerificationAction);
  return (
    <form {...actionProps} className="space-y-2">
      <SubmitButton variant={variant} pendingText="Sending…">
        Resend verification email
      </SubmitButton>
      <FormMessage
        state={state}
        success={
          state?.data ? `Sent. Open the link in the email to ${state.data.sentTo}.` : undefined
        }
      />
    </form>
  );
}
