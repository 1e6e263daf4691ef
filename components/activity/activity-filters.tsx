import { FilterForm, FilterInput, FilterSelect } from "@/components/ui/filter-form";
import { EVENT_LABELS, EVENT_TYPES } from "@/lib/activity/events";
import type { ActivityFilters } from "@/lib/activity/filters";

export function ActivityFiltersForm({ f }: { f: ActivityFilters }) {
  const any = f.type || f.recipient || f.fromText || f.toText;
  return (
    <FilterForm action="/activity" filtered={!!any}>
      <FilterSelect id="activity-type" label="Event type" name="type" value={f.type ?? ""}>
        <option value="">All events</option>
        {EVENT_TYPES.map((t) => (
          <option key={t} value={t}>
            {EVENT_LABELS[t]}
          </option>
        ))}
      </FilterSelect>
      <FilterInput
        id="activity-recipient"
        label="Recipient"
        name="recipient"
        type="search"
        value={f.recipient}
        placeholder="Email or name"
      />
      <FilterInput id="activity-from" label="From" name="from" type="date" value={f.fromText} />
      <FilterInput id="activity-to" label="To" name="to" type="date" value={f.toText} />
    </FilterForm>
  );
}
