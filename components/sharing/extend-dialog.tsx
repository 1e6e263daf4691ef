"use client";

import { useState } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { extendSharesAction } from "@/lib/actions/share-manage";
import { Modal } from "@/components/ui/modal";
import { SubmitButton } from "@/components/ui/buttons";
import { buttonStyles } from "@/components/ui/button-styles";
import { FieldErrors, inputClass } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";

/** Extend one share (or several selected ones): each from its own expiry, or from now if expired. */
export function ExtendDialog({
  shareIds,
  label = "Extend expiration",
  triggerLabel,
  disabled,
  defaultOpen = false,
}: {
  shareIds: string[];
  label?: string;
  triggerLabel?: string;
  disabled?: boolean;
  defaultOpen?: boolean;
}) {
  // defaultOpen: the reminder email's one-click "Extend expiration" link (?extend=1).
  const [open, setOpen] = useState(defaultOpen);
  return (
    <>
      <button
        type="button"
        className={buttonStyles.secondary}
        onClick={() => setOpen(true)}
        aria-label={triggerLabel}
        disabled={disabled}
      >
        {label}
      </button>
      <ExtendModal shareIds={shareIds} open={open} onClose={() => setOpen(false)} />
    </>
  );
}

/** The extend dialog alone, opened by its owner (e.g. one dialog for a whole table). */
export function ExtendModal({
  shareIds,
  open,
  onClose,
}: {
  shareIds: string[];
  open: boolean;
  onClose: () => void;
}) {
  const [by, setBy] = useState("7d");
  const { state, formProps } = useActionForm(extendSharesAction, { onSuccess: onClose });
  const until = state?.fieldErrors?.until ?? state?.fieldErrors?.expiresAt;
  return (
    <Modal
      open={open}
      onClose={onClose}
      title={shareIds.length > 1 ? `Extend ${shareIds.length} shares` : "Extend expiration"}
    >
      <form {...formProps} className="space-y-4">
        <input type="hidden" name="shareIds" value={shareIds.join(",")} />
        <input
          type="hidden"
          name="tzOffset"
          value={typeof window === "undefined" ? 0 : new Date().getTimezoneOffset()}
        />
        <div className="space-y-1">
          <label htmlFor="extend-by" className="block text-sm font-medium">
            Extend by
          </label>
          <select
            id="extend-by"
            name="by"
            value={by}
            onChange={(e) => setBy(e.target.value)}
            className={inputClass}
          >
            <option value="1d">1 day</option>
            <option value="7d">7 days</option>
            <option value="30d">30 days</option>
            <option value="90d">90 days</option>
            <option value="date">Until a date…</option>
          </select>
        </div>
        {by === "date" ? (
          <div className="space-y-1">
            <label htmlFor="extend-until" className="block text-sm font-medium">
              New expiry date
            </label>
            <input
              id="extend-until"
              name="until"
              type="date"
              className={inputClass}
              aria-describedby="extend-until-error"
              aria-invalid={until ? true : undefined}
            />
            <FieldErrors id="extend-until-error" errors={until} />
          </div>
        ) : null}
        <p className="text-xs text-slate-500">
          A share extends from its current expiry; an expired share extends from now. Permissions do
          not change.
        </p>
        <FormMessage state={state} />
        <div className="dialog-footer">
          <button type="button" className={buttonStyles.secondary} onClick={onClose}>
            Keep it
          </button>
          <SubmitButton>Extend expiration</SubmitButton>
        </div>
      </form>
    </Modal>
  );
}
