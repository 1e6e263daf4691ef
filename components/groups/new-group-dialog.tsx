"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { createGroupAction } from "@/lib/actions/groups";
import { Modal } from "@/components/ui/modal";
import { SubmitButton } from "@/components/ui/buttons";
import { buttonStyles } from "@/components/ui/button-styles";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";

/** `New group`: a name and members (several emails, like Recipients). */
export function NewGroupDialog() {
  const [open, setOpen] = useState(false);
  const { state, formProps: actionProps } = useActionForm(createGroupAction);
  const router = useRouter();
  useEffect(() => {
    if (state?.ok && state.data) router.push(`/groups/${state.data.groupId}`);
  }, [state, router]);
  return (
    <>
      <button type="button" className={buttonStyles.primary} onClick={() => setOpen(true)}>
        New group
      </button>
      <Modal open={open} onClose={() => setOpen(false)} title="New group">
        <form {...actionProps} className="space-y-4" noValidate>
          <TextField
            label="Name"
            name="name"
            id="group-name"
            maxLength={80}
            placeholder="Night shift"
            errors={state?.fieldErrors?.name}
          />
          <TextAreaField
            label="Members"
            name="members"
            id="group-members"
            rows={3}
            placeholder="ana@example.com, ben@example.com"
            hint="Separate emails with commas, spaces or new lines. A member needs no account yet."
            errors={state?.fieldErrors?.members}
          />
          <FormMessage state={state} />
          <div className="dialog-footer">
            <button type="button" className={buttonStyles.secondary} onClick={() => setOpen(false)}>
              Close
            </button>
            <SubmitButton>Create group</SubmitButton>
          </div>
        </form>
      </Modal>
    </>
  );
}
