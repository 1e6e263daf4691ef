"use client";

import Link from "next/link";
import { useActionState } from "react";
import { resetPasswordAction } from "@/lib/actions/account";
import { SubmitButton } from "@/components/ui/buttons";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action] = useActionState(resetPasswordAction, undefined);
  const spent = state?.ok === false && !state.errors;
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        hint="At least 8 characters. Setting it signs you out everywhere else and revokes your API tokens."
        errors={state?.errors?.newPassword ?? state?.errors?.token}
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
