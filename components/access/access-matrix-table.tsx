import Link from "next/link";
import { StatusBadge } from "@/components/sharing/status-badge";
import { cellKey, type AccessMatrix } from "@/lib/access/matrix/query";
import { formatDate } from "@/lib/platform/format";

/**
 * Devices down, recipients across. A column header leads to the recipient's share (or
 * their shares, when there are several); each cell to the share that grants it.
 */
export function AccessMatrixTable({ m }: { m: AccessMatrix }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="table-cards text-left text-sm">
        <caption className="sr-only">
          Devices (rows) shared with recipients (columns): permissions and expiry per device and
          recipient
        </caption>
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            <th scope="col" className="sticky left-0 bg-slate-50">
              Device
            </th>
            {m.recipients.map((r) => (
              <th key={r.email} scope="col" className="min-w-40 align-bottom font-medium">
                <Link
                  href={
                    r.shareIds.length === 1
                      ? `/shared-by-me/${r.shareIds[0]}`
                      : `/shared-by-me?q=${encodeURIComponent(r.email)}`
                  }
                  className="text-brand-700 hover:underline"
                >
                  {r.name ?? r.email}
                </Link>
                {r.name ? (
                  <div className="text-xs font-normal text-slate-500">{r.email}</div>
                ) : null}
                {r.via ? (
                  <div className="text-xs font-normal text-slate-600">via {r.via}</div>
                ) : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {m.devices.map((d) => (
            <tr key={d.id} className="border-t border-slate-100 align-top">
              <th scope="row" className="sticky left-0 bg-white font-medium">
                <Link href={`/devices/${d.id}`} className="text-brand-700 hover:underline">
                  {d.name}
                </Link>
                {d.groupPath ? (
                  <div className="text-xs font-normal text-slate-500">{d.groupPath}</div>
                ) : null}
              </th>
              {m.recipients.map((r) => {
                const c = m.cells[cellKey(d.id, r.email)];
                return (
                  <td key={r.email} data-label={r.name ?? r.email} data-empty={c ? undefined : ""}>
                    {c ? (
                      <Link href={`/shared-by-me/${c.shareId}`} className="block hover:underline">
                        <span className="font-medium">{c.preset}</span>
                        {c.allServices ? null : (
                          <span className="text-xs text-slate-500"> (some services)</span>
                        )}
                        <span className="block text-xs text-slate-600">
                          {c.expiresAt == null ? "permanent" : `until ${formatDate(c.expiresAt)}`}
                        </span>
                        {c.via ? (
                          <span className="block text-xs text-slate-600">via {c.via}</span>
                        ) : null}
                        {c.status !== "Active" ? <StatusBadge status={c.status} /> : null}
                      </Link>
                    ) : (
                      // A named symbol: the cell reads "No access", its text stays "—".
                      <span role="img" aria-label="No access" className="text-slate-500">
                        —
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
