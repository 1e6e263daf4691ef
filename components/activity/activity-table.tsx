import Link from "next/link";
import { describeEvent } from "@/lib/activity/events";
import type { ActivityRow } from "@/lib/activity/query";
import { formatDateTime } from "@/lib/platform/format";

/** The owner's events, one row each, worded like a share's own activity log. */
export function ActivityTable({ rows }: { rows: ActivityRow[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="table-cards w-full text-left text-sm">
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            <th scope="col">When</th>
            <th scope="col">What happened</th>
            <th scope="col">Share with</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr key={e.id} className="border-t border-slate-100 align-top">
              <td data-label="When" className="text-slate-600 sm:whitespace-nowrap">
                {formatDateTime(e.createdAt)}
              </td>
              <td className="max-sm:order-first">{describeEvent(e)}</td>
              <td data-label="Share with">
                <Link
                  href={`/shared-by-me/${e.shareId}`}
                  className="text-brand-700 hover:underline"
                >
                  {e.recipientName ?? e.recipientEmail}
                </Link>
                {e.recipientName ? (
                  <div className="text-xs text-slate-500">{e.recipientEmail}</div>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
