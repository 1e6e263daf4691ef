"use client";

import Link from "next/link";
import { useActionState } from "react";
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
  const [state, action] = useActionState(signUpAction, undefined);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField
        label="Name"
        name="name"
        autoComplete="name"
        required
        errors={state?.errors?.name}
      />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={lockedEmail}
        readOnly={!!lockedEmail}
        hint={lockedEmail ? "The invitation was sent to this address." : undefined}
        errors={state?.errors?.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        hint="At least 8 characters."
        errors={state?.errors?.password}
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
