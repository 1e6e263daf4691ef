import { FilterForm, FilterInput, FilterSelect } from "@/components/ui/filter-form";
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
    <FilterForm action={path} filtered={!!(q || status || expiring)}>
      <FilterInput
        id="share-search"
        label="Search shares"
        name="q"
        type="search"
        value={q}
        placeholder="Email, name, device, description"
        wide
      />
      <FilterSelect id="share-status" label="Status" name="status" value={status ?? ""}>
        <option value="">All statuses</option>
        {/* Text via the label attribute: a status word on the page then always means a share's status. */}
        {EFFECTIVE_STATUSES.map((s) => (
          <option key={s} value={s} label={s} />
        ))}
      </FilterSelect>
      {sorts ? (
        <FilterSelect id="share-sort" label="Sort" name="sort" value={sort}>
          {sorts.map((s) => (
            <option key={s} value={s}>
              {SORT_LABELS[s] ?? s}
            </option>
          ))}
        </FilterSelect>
      ) : null}
      {expiring !== undefined ? (
        // Shared by Me only: live shares within the reminder window (REMINDER_OFFSETS).
        <label className="flex items-center gap-2 self-center text-sm">
          <input type="checkbox" name="expiring" value="1" defaultChecked={expiring} />
          Expiring soon
        </label>
      ) : null}
    </FilterForm>
  );
}
