"use client";

import { useActionState } from "react";
import { signOutEverywhereAction } from "@/lib/actions/account";
import { SubmitButton } from "@/components/ui/buttons";
import { FormMessage } from "@/components/ui/form-message";

export function SignOutEverywhere() {
  const [state, action] = useActionState(signOutEverywhereAction, undefined);
  return (
    <form action={action} className="space-y-2">
      <SubmitButton variant="danger" pendingText="Signing out…">
        Sign out everywhere
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
