import Link from "next/link";
import { buttonStyles } from "@/components/ui/button-styles";
import { inputClass } from "@/components/ui/field";
import { EFFECTIVE_STATUSES } from "@/lib/sharing/status";

const SORT_LABELS: Record<string, string> = {
  newest: "Newest first",
  oldest: "Oldest first",
  expires: "Expiring first",
  recipient: "Recipient A–Z",
};

export function ShareFilters({
  path,
  q,
  status,
  sort,
  sorts,
  expiring,
}: {
  path: string;
  q?: string;
  status?: string;
  sort?: string;
  sorts?: string[];
  expiring?: boolean;
}) {
  return (
    <form
      role="search"
      action={path}
      className="grid grid-cols-2 items-end gap-3 sm:flex sm:flex-wrap"
    >
      <div className="col-span-2">
        <label htmlFor="share-search" className="block text-sm font-medium">
          Search shares
        </label>
        <input
          id="share-search"
          name="q"
          type="search"
          defaultValue={q}
          placeholder="Email, name, device, description"
          className={inputClass}
        />
      </div>
      <div>
        <label htmlFor="share-status" className="block text-sm font-medium">
          Status
        </label>
        <select id="share-status" name="status" defaultValue={status ?? ""} className={inputClass}>
          <option value="">All statuses</option>
          {/* Text via the label attribute: a status word on the page then always means a share's status. */}
          {EFFECTIVE_STATUSES.map((s) => (
            <option key={s} value={s} label={s} />
          ))}
        </select>
      </div>
      {sorts ? (
        <div>
          <label htmlFor="share-sort" className="block text-sm font-medium">
            Sort
          </label>
          <select id="share-sort" name="sort" defaultValue={sort} className={inputClass}>
            {sorts.map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s] ?? s}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {expiring !== undefined ? (
        // Shared by Me only: live shares within the reminder window (REMINDER_OFFSETS).
        <label className="flex items-center gap-2 self-center text-sm">
          <input type="checkbox" name="expiring" value="1" defaultChecked={expiring} />
          Expiring soon
        </label>
      ) : null}
      <button type="submit" className={buttonStyles.secondary}>
        Apply filters
      </button>
      {q || status || expiring ? (
        <Link href={path} className={buttonStyles.ghost}>
          Clear filters
        </Link>
      ) : null}
    </form>
  );
}
