"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import Link from "next/link";
import { signInAction } from "@/lib/actions/auth";
import { SubmitButton } from "@/components/ui/buttons";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";

export function SignInForm({
  callbackUrl,
  invitedHint,
}: {
  callbackUrl: string;
  invitedHint?: string;
}) {
  const { state, echoed, formProps: actionProps } = useActionForm(signInAction);
  return (
    <form {...actionProps} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={echoed("email")}
        hint={invitedHint}
        errors={state?.fieldErrors?.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        errors={state?.fieldErrors?.password}
      />
      <FormMessage state={state} />
      <SubmitButton pendingText="Signing in…">Sign in</SubmitButton>
      <p className="text-sm">
        <Link className="text-brand-700 underline" href="/forgot-password">
          Forgot password?
        </Link>
      </p>
      <p className="text-sm text-slate-600">
        New to Keyshare?{" "}
        <Link
          className="text-brand-700 underline"
          href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`}
        >
          Create an account
        </Link>
      </p>
    </form>
  );
}
