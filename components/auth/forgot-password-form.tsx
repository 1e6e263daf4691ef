"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { forgotPasswordAction } from "@/lib/actions/account";
import { SubmitButton } from "@/components/ui/buttons";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";

export function ForgotPasswordForm() {
  const { state, echoed, formProps: actionProps } = useActionForm(forgotPasswordAction);
  return (
    <form {...actionProps} className="space-y-4" noValidate>
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={echoed("email")}
        errors={state?.fieldErrors?.email}
      />
      <FormMessage state={state} success={state?.message} />
      <SubmitButton pendingText="Sending…">Send reset link</SubmitButton>
    </form>
  );
}
