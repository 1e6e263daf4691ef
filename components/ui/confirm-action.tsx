"use client";

import { useState, type ReactNode } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import type { ActionState } from "@/lib/request/action";
import { Modal } from "@/components/ui/modal";
import { SubmitButton } from "@/components/ui/buttons";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormMessage } from "@/components/ui/form-message";

type Confirm = {
  /** The confirming button's name, e.g. "Cancel sharing". */
  label: string;
  title: string;
  children?: ReactNode;
  action: (prev: unknown, fd: FormData) => Promise<ActionState<unknown>>;
  fields: Record<string, string>;
  variant?: "danger" | "primary" | "secondary";
  onDone?: (state: ActionState<unknown>) => void;
};

/** The confirming dialog alone, opened by its owner (e.g. one dialog for a whole table). */
export function ConfirmModal({
  open,
  onClose,
  label,
  title,
  children,
  action,
  fields,
  variant = "danger",
  onDone,
}: Confirm & { open: boolean; onClose: () => void }) {
  const { state, formProps } = useActionForm(action, {
    onSuccess: (result) => {
      onClose();
      onDone?.(result);
    },
  });
  return (
    <Modal open={open} onClose={onClose} title={title}>
      <form {...formProps} className="space-y-4">
        {Object.entries(fields).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <div className="text-sm text-slate-700">{children}</div>
        <FormMessage state={state} />
        <div className="dialog-footer">
          <button type="button" className={buttonStyles.secondary} onClick={onClose}>
            Keep it
          </button>
          <SubmitButton variant={variant}>{label}</SubmitButton>
        </div>
      </form>
    </Modal>
  );
}

/** A button that asks before acting; the confirming button is named like the action. */
export function ConfirmAction({
  triggerVariant = "secondary",
  triggerLabel,
  ...confirm
}: Confirm & { triggerVariant?: keyof typeof buttonStyles; triggerLabel?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className={buttonStyles[triggerVariant]}
        onClick={() => setOpen(true)}
        aria-label={triggerLabel}
      >
        {confirm.label}
      </button>
      <ConfirmModal {...confirm} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
