import Link from "next/link";
import type { DeviceAccessRow } from "@/lib/sharing/device-access";
import { StatusBadge } from "@/components/sharing/status-badge";
import { formatExpiry } from "@/lib/platform/format";

/** Who has this device now, until when, with which permissions. */
export function DeviceAccessList({ rows }: { rows: DeviceAccessRow[] }) {
  return (
    <section aria-labelledby="access-h" className="space-y-3">
      <h2 id="access-h" className="text-lg font-semibold">
        Who has access
      </h2>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">
          Only you. Tick this device on My devices and choose Share devices to lend it.
        </p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {rows.map((r) => (
            <li key={r.shareId} className="flex flex-wrap items-center gap-3 px-4 py-2 text-sm">
              <Link
                href={`/shared-by-me/${r.shareId}`}
                className="font-medium text-brand-700 hover:underline"
              >
                {r.recipientName ?? r.recipientEmail}
              </Link>
              {r.recipientName ? <span className="text-slate-500">{r.recipientEmail}</span> : null}
              <StatusBadge status={r.status} />
              <span>{r.preset}</span>
              <span className="text-slate-600">
                {r.allServices ? "all services" : "some services"}
              </span>
              <span className="ml-auto text-slate-600">until {formatExpiry(r.expiresAt)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
