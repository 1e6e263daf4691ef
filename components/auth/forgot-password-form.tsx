"use client";

import { useActionState } from "react";
import { forgotPasswordAction } from "@/lib/actions/account";
import { SubmitButton } from "@/components/ui/buttons";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";

export function ForgotPasswordForm() {
  const [state, action] = useActionState(forgotPasswordAction, undefined);
  return (
    <form action={action} className="space-y-4" noValidate>
      {/* Keyed by the answer, so the typed address survives React resetting the form. */}
      <TextField
        key={state?.data?.email ?? ""}
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state?.data?.email}
        errors={state?.errors?.email}
      />
      <FormMessage state={state} success={state?.message} />
      <SubmitButton pendingText="Sending…">Send reset link</SubmitButton>
    </form>
  );
}
