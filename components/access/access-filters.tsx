import Link from "next/link";
import { buttonStyles } from "@/components/ui/button-styles";
import { inputClass } from "@/components/ui/field";
import type { MatrixFilters } from "@/lib/access/matrix/filters";
import { EFFECTIVE_STATUSES } from "@/lib/sharing/status";

/** A plain GET form: the filters live in the URL (and the CSV export reads the same ones). */
export function AccessFilters({ f, groups }: { f: MatrixFilters; groups: string[] }) {
  const any = f.group || f.device || f.recipient || (f.status && f.status !== "current");
  return (
    <form
      role="search"
      action="/access"
      className="grid grid-cols-2 items-end gap-3 sm:flex sm:flex-wrap"
    >
      <div>
        <label htmlFor="access-group" className="block text-sm font-medium">
          Group
        </label>
        <select id="access-group" name="group" defaultValue={f.group ?? ""} className={inputClass}>
          <option value="">All groups</option>
          {groups.map((g) => (
            <option key={g} value={g}>
              {g}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="access-device" className="block text-sm font-medium">
          Device
        </label>
        <input
          id="access-device"
          name="device"
          type="search"
          defaultValue={f.device}
          placeholder="Name or hardware ID"
          className={inputClass}
        />
      </div>
      <div>
        <label htmlFor="access-recipient" className="block text-sm font-medium">
          Recipient
        </label>
        <input
          id="access-recipient"
          name="recipient"
          type="search"
          defaultValue={f.recipient}
          placeholder="Email or name"
          className={inputClass}
        />
      </div>
      <div>
        <label htmlFor="access-status" className="block text-sm font-medium">
          Status
        </label>
        <select
          id="access-status"
          name="status"
          defaultValue={f.status === "current" ? "" : f.status}
          className={inputClass}
        >
          <option value="">Current (pending, active, suspended)</option>
          {/* Text via the label attribute, as on Shared by Me: status words on the page mean a share's status. */}
          {EFFECTIVE_STATUSES.map((s) => (
            <option key={s} value={s} label={s} />
          ))}
          <option value="all">All statuses</option>
        </select>
      </div>
      <button type="submit" className={buttonStyles.secondary}>
        Apply filters
      </button>
      {any ? (
        <Link href="/access" className={buttonStyles.ghost}>
          Clear filters
        </Link>
      ) : null}
    </form>
  );
}
