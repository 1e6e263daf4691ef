"use client";

import { useActionState } from "react";
import { changePasswordAction } from "@/lib/actions/auth";
import { SubmitButton } from "@/components/ui/buttons";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";

export function ChangePasswordForm() {
  const [state, action] = useActionState(changePasswordAction, undefined);
  return (
    <form action={action} className="space-y-4" noValidate>
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        errors={state?.errors?.currentPassword}
      />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint="At least 8 characters."
        errors={state?.errors?.newPassword}
      />
      <FormMessage state={state} />
      <SubmitButton>Change password</SubmitButton>
    </form>
  );
}
