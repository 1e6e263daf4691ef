"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { changePasswordAction } from "@/lib/actions/auth";
import { SubmitButton } from "@/components/ui/buttons";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";

export function ChangePasswordForm() {
  const { state, formProps: actionProps } = useActionForm(changePasswordAction);
  return (
    <form {...actionProps} className="space-y-4" noValidate>
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        errors={state?.fieldErrors?.currentPassword}
      />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint="At least 8 characters."
        errors={state?.fieldErrors?.newPassword}
      />
      <FormMessage state={state} />
      <SubmitButton>Change password</SubmitButton>
    </form>
  );
}
