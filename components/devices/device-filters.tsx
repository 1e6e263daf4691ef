import { FilterForm, FilterInput, FilterSelect } from "@/components/ui/filter-form";

export function DeviceFilters({
  q,
  group,
  groups,
}: {
  q?: string;
  group?: string;
  groups: string[];
}) {
  return (
    <FilterForm action="/devices" filtered={!!(q || group)}>
      <FilterInput
        id="device-search"
        label="Search devices"
        name="q"
        type="search"
        value={q}
        placeholder="Name, hardware ID, kind…"
        wide
      />
      <FilterSelect id="device-group" label="Group" name="group" value={group ?? ""}>
        <option value="">All groups</option>
        {groups.map((g) => (
          <option key={g} value={g}>
            {g}
          </option>
        ))}
      </FilterSelect>
    </FilterForm>
  );
}
