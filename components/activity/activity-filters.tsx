import Link from "next/link";
import { buttonStyles } from "@/components/ui/button-styles";
import { inputClass } from "@/components/ui/field";
import { EVENT_LABELS, EVENT_TYPES } from "@/lib/activity/events";
import type { ActivityFilters } from "@/lib/activity/filters";

/** A plain GET form: the filters live in the URL, so a filtered view can be bookmarked. */
export function ActivityFiltersForm({ f }: { f: ActivityFilters }) {
  const any = f.type || f.recipient || f.fromText || f.toText;
  return (
    <form
      role="search"
      action="/activity"
      className="grid grid-cols-2 items-end gap-3 sm:flex sm:flex-wrap"
    >
      <div>
        <label htmlFor="activity-type" className="block text-sm font-medium">
          Event type
        </label>
        <select id="activity-type" name="type" defaultValue={f.type ?? ""} className={inputClass}>
          <option value="">All events</option>
          {EVENT_TYPES.map((t) => (
            <option key={t} value={t}>
              {EVENT_LABELS[t]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="activity-recipient" className="block text-sm font-medium">
          Recipient
        </label>
        <input
          id="activity-recipient"
          name="recipient"
          type="search"
          defaultValue={f.recipient}
          placeholder="Email or name"
          className={inputClass}
        />
      </div>
      <div>
        <label htmlFor="activity-from" className="block text-sm font-medium">
          From
        </label>
        <input
          id="activity-from"
          name="from"
          type="date"
          defaultValue={f.fromText}
          className={inputClass}
        />
      </div>
      <div>
        <label htmlFor="activity-to" className="block text-sm font-medium">
          To
        </label>
        <input
          id="activity-to"
          name="to"
          type="date"
          defaultValue={f.toText}
          className={inputClass}
        />
      </div>
      <button type="submit" className={buttonStyles.secondary}>
        Apply filters
      </button>
      {any ? (
        <Link href="/activity" className={buttonStyles.ghost}>
          Clear filters
        </Link>
      ) : null}
    </form>
  );
}
