"use client";

import { useActionState, useState, type ReactNode } from "react";
import type { ActionState } from "@/lib/action";
import { Modal } from "@/components/ui/modal";
import { SubmitButton, buttonStyles } from "@/components/ui/buttons";
import { FormMessage } from "@/components/ui/form-message";

type Props = {
  /** The trigger's and the confirming button's name, e.g. "Cancel sharing". */
  label: string;
  title: string;
  children?: ReactNode;
  action: (prev: unknown, fd: FormData) => Promise<ActionState<unknown>>;
  fields: Record<string, string>;
  variant?: "danger" | "primary" | "secondary";
  triggerVariant?: keyof typeof buttonStyles;
  triggerLabel?: string;
  onDone?: (state: ActionState<unknown>) => void;
};

/** A button that asks before acting; the confirming button is named like the action. */
export function ConfirmAction({ label, title, children, action, fields, variant = "danger", triggerVariant = "secondary", triggerLabel, onDone }: Props) {
  const [open, setOpen] = useState(false);
  const [state, formAction] = useActionState<ActionState<unknown> | undefined, FormData>(async (prev, fd) => {
    const result = await action(prev, fd);
    if (result.ok) {
      setOpen(false);
      onDone?.(result);
    }
    return result;
  }, undefined);
  return (
    <>
      <button type="button" className={buttonStyles[triggerVariant]} onClick={() => setOpen(true)} aria-label={triggerLabel}>
        {label}
      </button>
      <Modal open={open} onClose={() => setOpen(false)} title={title}>
        <form action={formAction} className="space-y-4">
          {Object.entries(fields).map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          <div className="text-sm text-slate-700">{children}</div>
          <FormMessage state={state} />
          <div className="flex justify-end gap-2">
            <button type="button" className={buttonStyles.secondary} onClick={() => setOpen(false)}>
              Keep it
            </button>
            <SubmitButton variant={variant}>{label}</SubmitButton>
          </div>
        </form>
      </Modal>
    </>
  );
}
