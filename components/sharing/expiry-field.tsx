"use client";

import { FieldErrors, inputClass } from "@/components/ui/field";
import { DAY } from "@/lib/platform/time";

export type ExpiryChoice = "1d" | "7d" | "30d" | "date" | "never";

/** The chosen expiry as a timestamp; a date means the end of that day in the sharer's zone. */
export function expiryTimestamp(
  choice: ExpiryChoice,
  date: string,
  now = Date.now(),
): number | null | "" {
  if (choice === "never") return null;
  if (choice === "date") {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (!m) return "";
    return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 59, 999).getTime();
  }
  return now + { "1d": 1, "7d": 7, "30d": 30 }[choice] * DAY;
}

export function ExpiryField({
  choice,
  date,
  onChoice,
  onDate,
  errors,
  maxDays,
}: {
  choice: ExpiryChoice;
  date: string;
  onChoice: (c: ExpiryChoice) => void;
  onDate: (d: string) => void;
  errors?: string[];
  maxDays?: number | null;
}) {
  // The owner's maximum expiry (sharing policy): longer choices are offered but disabled.
  const over = (days: number | null) => maxDays != null && (days == null || days > maxDays);
  return (
    <div className="grid gap-2 sm:grid-cols-2">
      <div className="space-y-1">
        <label htmlFor="share-expires" className="block text-sm font-medium">
          Expires
        </label>
        <select
          id="share-expires"
          value={choice}
          onChange={(e) => onChoice(e.target.value as ExpiryChoice)}
          className={inputClass}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby="share-expires-error"
        >
          <option value="1d" disabled={over(1)}>
            In 1 day
          </option>
          <option value="7d" disabled={over(7)}>
            In 7 days
          </option>
          <option value="30d" disabled={over(30)}>
            In 30 days
          </option>
          <option value="date">On a date…</option>
          <option value="never" disabled={over(null)}>
            Never (permanent)
          </option>
        </select>
      </div>
      {choice === "date" ? (
        <div className="space-y-1">
          <label htmlFor="share-expiry-date" className="block text-sm font-medium">
            Expiry date
          </label>
          <input
            id="share-expiry-date"
            type="date"
            value={date}
            onChange={(e) => onDate(e.target.value)}
            className={inputClass}
            aria-invalid={errors?.length ? true : undefined}
            aria-describedby="share-expires-error"
          />
        </div>
      ) : null}
      <div className="sm:col-span-2">
        {maxDays != null ? (
          <p className="text-xs text-slate-500">
            Your sharing policy allows at most {maxDays} day{maxDays === 1 ? "" : "s"}.
          </p>
        ) : null}
        <FieldErrors id="share-expires-error" errors={errors} />
      </div>
    </div>
  );
}
