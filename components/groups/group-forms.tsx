"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { addMembersAction, removeMemberAction, renameGroupAction } from "@/lib/actions/groups";
import { SubmitButton } from "@/components/ui/buttons";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";

export function AddMembersForm({ groupId }: { groupId: string }) {
  // Stays on screen for the next entry: emptied after a success, kept after a refusal.
  const {
    state,
    echoed,
    formProps: actionProps,
  } = useActionForm(addMembersAction, {
    resetOnSuccess: true,
  });
  const added = state?.ok ? (state.data?.added.length ?? 0) : 0;
  return (
    <form {...actionProps} className="space-y-3" noValidate>
      <input type="hidden" name="groupId" value={groupId} />
      <TextAreaField
        label="Members"
        name="members"
        id="add-members"
        rows={2}
        placeholder="ana@example.com, ben@example.com"
        defaultValue={echoed("members")}
        hint="They get the group's devices at once, and an invitation email for each share that notifies."
        errors={state?.fieldErrors?.members}
      />
      <SubmitButton>Add members</SubmitButton>
      <FormMessage
        state={state}
        success={added ? `Added ${added} member${added === 1 ? "" : "s"}.` : "Already members."}
      />
    </form>
  );
}

export function RemoveMemberButton({ groupId, email }: { groupId: string; email: string }) {
  const { state, formProps: actionProps } = useActionForm(removeMemberAction);
  return (
    <form {...actionProps} className="flex items-center gap-2">
      <input type="hidden" name="groupId" value={groupId} />
      <input type="hidden" name="email" value={email} />
      <SubmitButton variant="secondary">Remove</SubmitButton>
      {state && !state.ok ? <FormMessage state={state} /> : null}
    </form>
  );
}

export function RenameGroupForm({ groupId, name }: { groupId: string; name: string }) {
  const { state, echoed, formProps: actionProps } = useActionForm(renameGroupAction);
  return (
    <form {...actionProps} className="space-y-3" noValidate>
      <input type="hidden" name="groupId" value={groupId} />
      <TextField
        label="Name"
        name="name"
        id="rename-group"
        defaultValue={echoed("name", name)}
        maxLength={80}
        errors={state?.fieldErrors?.name}
      />
      <SubmitButton variant="secondary">Rename</SubmitButton>
      <FormMessage state={state} success="Renamed." />
    </form>
  );
}
