import { FilterForm, FilterInput, FilterSelect } from "@/components/ui/filter-form";
import type { MatrixFilters } from "@/lib/access/matrix/filters";
import { EFFECTIVE_STATUSES } from "@/lib/sharing/status";

export function AccessFilters({ f, groups }: { f: MatrixFilters; groups: string[] }) {
  const any = f.group || f.device || f.recipient || (f.status && f.status !== "current");
  return (
    <FilterForm action="/access" filtered={!!any}>
      <FilterSelect id="access-group" label="Group" name="group" value={f.group ?? ""}>
        <option value="">All groups</option>
        {groups.map((g) => (
          <option key={g} value={g}>
            {g}
          </option>
        ))}
      </FilterSelect>
      <FilterInput
        id="access-device"
        label="Device"
        name="device"
        type="search"
        value={f.device}
        placeholder="Name or hardware ID"
      />
      <FilterInput
        id="access-recipient"
        label="Recipient"
        name="recipient"
        type="search"
        value={f.recipient}
        placeholder="Email or name"
      />
      <FilterSelect
        id="access-status"
        label="Status"
        name="status"
        value={f.status === "current" ? "" : f.status}
      >
        <option value="">Current (pending, active, suspended)</option>
        {/* Text via the label attribute, as on Shared by Me: status words on the page mean a share's status. */}
        {EFFECTIVE_STATUSES.map((s) => (
          <option key={s} value={s} label={s} />
        ))}
        <option value="all">All statuses</option>
      </FilterSelect>
    </FilterForm>
  );
}
