"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { acceptLinkAction, declineLinkAction } from "@/lib/actions/share-respond";
import { SubmitButton } from "@/components/ui/buttons";
import { FormMessage } from "@/components/ui/form-message";
import { ConfirmAction } from "@/components/ui/confirm-action";

export function LinkResponse({ token, sharerName }: { token: string; sharerName: string }) {
  const [state, accept] = useActionState(acceptLinkAction, undefined);
  const router = useRouter();
  useEffect(() => {
    if (state?.ok && state.data) router.push(`/shared-with-me/${state.data.shareId}`);
  }, [state, router]);
  return (
    <div className="space-y-2">
      <div className="flex gap-2">
        <form action={accept}>
          <input type="hidden" name="token" value={token} />
          <SubmitButton>Accept</SubmitButton>
        </form>
        <ConfirmAction label="Decline" title={`Decline the share from ${sharerName}?`} action={declineLinkAction} fields={{ token }} onDone={() => router.push("/shared-with-me")}>
          {sharerName} will be told, and this link stops working.
        </ConfirmAction>
      </div>
      <FormMessage state={state} />
    </div>
  );
}
