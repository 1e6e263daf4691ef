"use client";

import Link from "next/link";
import { FieldErrors, inputClass } from "@/components/ui/field";

export type GroupChoice = { id: string; name: string; memberCount: number };

/** The share dialog's `Groups`: any of the sharer's groups, one share per group. */
export function GroupsField({
  groups,
  value,
  onChange,
  errors,
}: {
  groups: GroupChoice[];
  value: string[];
  onChange: (ids: string[]) => void;
  errors?: string[];
}) {
  return (
    <div className="space-y-1">
      <label htmlFor="share-groups" className="block text-sm font-medium">
        Groups
      </label>
      {groups.length ? (
        <select
          id="share-groups"
          name="groups"
          multiple
          size={Math.min(4, Math.max(2, groups.length))}
          value={value}
          onChange={(e) => onChange([...e.target.selectedOptions].map((o) => o.value))}
          className={inputClass}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby="share-groups-hint share-groups-error"
        >
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name} ({g.memberCount} member{g.memberCount === 1 ? "" : "s"})
            </option>
          ))}
        </select>
      ) : (
        <select
          id="share-groups"
          name="groups"
          multiple
          disabled
          size={2}
          className={inputClass}
          aria-describedby="share-groups-hint"
        />
      )}
      <p id="share-groups-hint" className="text-xs text-slate-500">
        {groups.length ? (
          "One share per group; its members get access at once, and so does anyone added later."
        ) : (
          <>
            You have no groups yet.{" "}
            <Link href="/groups" className="text-brand-700 underline">
              Create one
            </Link>{" "}
            to share with a crew at once.
          </>
        )}
      </p>
      <FieldErrors id="share-groups-error" errors={errors} />
    </div>
  );
}
