"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import Link from "next/link";
import { signUpAction } from "@/lib/actions/auth";
import { SubmitButton } from "@/components/ui/buttons";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";

/** `lockedEmail` comes from a sharing link: the invitation is bound to that address. */
export function SignUpForm({
  callbackUrl,
  lockedEmail,
}: {
  callbackUrl: string;
  lockedEmail?: string;
}) {
  const { state, echoed, formProps: actionProps } = useActionForm(signUpAction);
  return (
    <form {...actionProps} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField
        label="Name"
        name="name"
        autoComplete="name"
        required
        defaultValue={echoed("name")}
        errors={state?.fieldErrors?.name}
      />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={lockedEmail ?? echoed("email")}
        readOnly={!!lockedEmail}
        hint={lockedEmail ? "The invitation was sent to this address." : undefined}
        errors={state?.fieldErrors?.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        hint="At least 8 characters."
        errors={state?.fieldErrors?.password}
      />
      <FormMessage state={state} />
      <SubmitButton pendingText="Creating your account…">Sign up</SubmitButton>
      <p className="text-sm text-slate-600">
        Already have an account?{" "}
        <Link
          className="text-brand-700 underline"
          href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`}
        >
          Sign in
        </Link>
      </p>
    </form>
  );
}
