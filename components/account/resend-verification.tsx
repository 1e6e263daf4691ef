"use client";

import { useActionState } from "react";
import { resendVerificationAction } from "@/lib/actions/account";
import { SubmitButton } from "@/components/ui/buttons";
import { FormMessage } from "@/components/ui/form-message";

/** "Resend verification email", with the outcome announced next to it. */
export function ResendVerification({ variant = "primary" }: { variant?: "primary" | "secondary" }) {
  const [state, action] = useActionState(resendVerificationAction, undefined);
  return (
    <form action={action} className="space-y-2">
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
