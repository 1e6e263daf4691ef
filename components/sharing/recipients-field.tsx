"use client";

import { useMemo } from "react";
import { FieldErrors, inputClass } from "@/components/ui/field";

const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

export function splitRecipients(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((w) => w.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

/** Several emails in one box (paste a column from a spreadsheet), shown back as removable chips. */
export function RecipientsField({
  value,
  onChange,
  errors,
  selfEmail,
}: {
  value: string;
  onChange: (v: string) => void;
  errors?: string[];
  selfEmail: string;
}) {
  const emails = useMemo(() => splitRecipients(value), [value]);
  return (
    <div className="space-y-1">
      <label htmlFor="share-recipients" className="block text-sm font-medium">
        Recipients
      </label>
      <textarea
        id="share-recipients"
        name="recipients"
        rows={2}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder="ana@example.com, ben@example.com"
        className={inputClass}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby="share-recipients-hint share-recipients-error"
      />
      <p id="share-recipients-hint" className="text-xs text-slate-500">
        Separate emails with commas, spaces or new lines. Each recipient gets their own share and
        link.
      </p>
      {emails.length ? (
        <ul aria-label="Recipients to share with" className="flex flex-wrap gap-1">
          {emails.map((e) => {
            const bad = !EMAIL.test(e) || e === selfEmail;
            return (
              <li
                key={e}
                className={`flex items-center gap-1 rounded-full px-2 py-0.5 text-xs ${
                  bad ? "bg-red-100 text-red-800" : "bg-brand-50 text-brand-700"
                }`}
              >
                <span>{e}</span>
                {bad ? <span className="sr-only">(invalid)</span> : null}
                <button
                  type="button"
                  aria-label={`Remove ${e}`}
                  className="rounded-full px-1 hover:bg-white/60 max-sm:-mr-2 max-sm:size-11 max-sm:text-base"
                  onClick={() => onChange(emails.filter((x) => x !== e).join(", "))}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <FieldErrors id="share-recipients-error" errors={errors} />
    </div>
  );
}
