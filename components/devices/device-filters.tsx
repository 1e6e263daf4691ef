import Link from "next/link";
import { buttonStyles } from "@/components/ui/button-styles";
import { inputClass } from "@/components/ui/field";

/** A plain GET form: filters live in the URL, so they survive reloads and can be shared. */
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
    <form
      role="search"
      action="/devices"
      className="grid grid-cols-2 items-end gap-3 sm:flex sm:flex-wrap"
    >
      <div className="col-span-2">
        <label htmlFor="device-search" className="block text-sm font-medium">
          Search devices
        </label>
        <input
          id="device-search"
          name="q"
          type="search"
          defaultValue={q}
          placeholder="Name, hardware ID, kind…"
          className={inputClass}
        />
      </div>
      <div>
        <label htmlFor="device-group" className="block text-sm font-medium">
          Group
        </label>
        <select id="device-group" name="group" defaultValue={group ?? ""} className={inputClass}>
          <option value="">All groups</option>
          {groups.map((g) => (
            <option key={g} value={g}>
              {g}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonStyles.secondary}>
        Apply filters
      </button>
      {q || group ? (
        <Link href="/devices" className={buttonStyles.ghost}>
          Clear filters
        </Link>
      ) : null}
    </form>
  );
}
