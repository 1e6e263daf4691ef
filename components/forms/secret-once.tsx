"use client";

import type { ReactNode } from "react";
import { buttonStyles } from "@/components/ui/button-styles";
import { CopyLinkButton } from "@/components/sharing/copy-link-button";

/**
 * A secret shown once (an API token, a webhook signing secret): the notice, the value in a
 * read-only field named `label`, a Copy button named `copyLabel`, and Done, which hides it.
 */
export function SecretOnce({
  id,
  label,
  value,
  copyLabel,
  onDone,
  children,
}: {
  id: string;
  label: string;
  value: string;
  copyLabel: string;
  onDone: () => void;
  /** The notice above the field ("… Copy it now: it is shown only once."). */
  children: ReactNode;
}) {
  return (
    <div className="max-w-xl space-y-2 rounded-md border border-emerald-300 bg-emerald-50 p-3">
      <p role="status" className="text-sm break-all text-emerald-800">
        {children}
      </p>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id={id}
          readOnly
          value={value}
          className="block min-h-11 w-full min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-xs"
          onFocus={(ev) => ev.target.select()}
        />
        <CopyLinkButton link={value} label={copyLabel} />
      </div>
      <button type="button" className={buttonStyles.ghost} onClick={onDone}>
        Done
      </button>
    </div>
  );
}
