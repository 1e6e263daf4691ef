"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import type { DeviceRow } from "@/lib/devices/queries";
import { ShareDialog, type DeviceSelection } from "@/components/sharing/share-dialog";
import type { SharingPolicy } from "@/lib/sharing/policies/policy";
import type { GroupChoice } from "@/components/groups/groups-field";

type Props = {
  rows: DeviceRow[];
  total: number;
  filter: { q?: string; group?: string };
  filtered: boolean;
  selfEmail: string;
  policy?: SharingPolicy;
  /** The owner's groups of people, for the share dialog's `Groups` field. */
  recipientGroups?: GroupChoice[];
};

export function DeviceTable({
  rows,
  total,
  filter,
  filtered,
  selfEmail,
  policy,
  recipientGroups,
}: Props) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const allOnPage = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const count = allMatching ? total : selected.size;

  const selection: DeviceSelection = useMemo(
    () =>
      allMatching
        ? { mode: "filter", filter, count: total }
        : { mode: "ids", ids: [...selected], devices: rows.filter((r) => selected.has(r.id)) },
    [allMatching, filter, total, selected, rows],
  );

  function toggle(id: string, on: boolean) {
    setAllMatching(false);
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  function togglePage(on: boolean) {
    setAllMatching(false);
    setSelected(on ? new Set(rows.map((r) => r.id)) : new Set());
  }

  if (rows.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
        {filtered ? (
          <p>No devices match these filters. Try another search or clear the filters.</p>
        ) : (
          <p>
            You have no devices yet.{" "}
            <Link className="text-brand-700 underline" href="/devices/new">
              Add a device
            </Link>{" "}
            or{" "}
            <Link className="text-brand-700 underline" href="/devices/import">
              import many from a CSV file
            </Link>
            .
          </p>
        )}
      </div>
    );
  }

  return (
    <div className="space-y-3">
      {/* On phones the bar with Share devices stays in sight while ticking cards further down. */}
      <div
        className={
          "flex flex-wrap items-center gap-3 text-sm " +
          "max-sm:sticky max-sm:top-0 max-sm:z-20 max-sm:-mx-4 max-sm:bg-slate-50/95 max-sm:px-4 max-sm:py-2"
        }
      >
        <span aria-live="polite">
          {count > 0 ? `${count} selected` : "Select devices to share them"}
        </span>
        {allOnPage && total > rows.length && !allMatching ? (
          <button
            type="button"
            className="text-brand-700 underline max-sm:min-h-11"
            onClick={() => setAllMatching(true)}
          >
            Select all {total} matching devices
          </button>
        ) : null}
        {count > 0 ? (
          <button
            type="button"
            className="text-slate-600 underline max-sm:min-h-11"
            onClick={() => togglePage(false)}
          >
            Clear selection
          </button>
        ) : null}
        <div className="ml-auto">
          <ShareDialog
            selection={selection}
            selfEmail={selfEmail}
            onShared={() => togglePage(false)}
            policy={policy}
            groups={recipientGroups}
          />
        </div>
      </div>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="table-cards w-full text-left text-sm">
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className="w-10">
                <label className="hit">
                  <input
                    type="checkbox"
                    aria-label="Select all devices on this page"
                    checked={allOnPage}
                    onChange={(e) => togglePage(e.target.checked)}
                  />
                </label>
              </th>
              <th scope="col">Name</th>
              <th scope="col">Hardware ID</th>
              <th scope="col">Kind</th>
              <th scope="col">Group</th>
              <th scope="col">Services</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.id} className="border-t border-slate-100 hover:bg-slate-50">
                <td>
                  <label className="hit">
                    <input
                      type="checkbox"
                      aria-label={d.name}
                      checked={allMatching || selected.has(d.id)}
                      onChange={(e) => toggle(d.id, e.target.checked)}
                    />
                  </label>
                </td>
                <td className="font-medium">
                  <Link href={`/devices/${d.id}`} className="text-brand-700 hover:underline">
                    {d.name}
                  </Link>
                  {d.demo ? (
                    <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-800">
                      Demo
                    </span>
                  ) : null}
                </td>
                <td data-label="Hardware ID" className="font-mono text-xs">
                  {d.hardwareId}
                </td>
                <td data-label="Kind">{d.kind}</td>
                <td data-label="Group">{d.groupPath || "—"}</td>
                <td data-label="Services">{d.serviceCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
