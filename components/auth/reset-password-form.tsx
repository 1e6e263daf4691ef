"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import Link from "next/link";
import { resetPasswordAction } from "@/lib/actions/account";
import { SubmitButton } from "@/components/ui/buttons";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";

export function ResetPasswordForm({ token }: { token: string }) {
  const { state, formProps: actionProps } = useActionForm(resetPasswordAction);
  const spent = state?.ok === false && !state.fieldErrors;
  return (
    <form {...actionProps} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        hint="At least 8 characters. Setting it signs you out everywhere else and revokes your API tokens."
        errors={state?.fieldErrors?.newPassword ?? state?.fieldErrors?.token}
      />
      <FormMessage state={state} />
      {spent ? (
        <p className="text-sm">
          <Link className="text-brand-700 underline" href="/forgot-password">
            Ask for a new reset link
          </Link>
        </p>
      ) : null}
      <SubmitButton pendingText="Saving…">Set new password</SubmitButton>
    </form>
  );
}
