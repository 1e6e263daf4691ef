import Link from "next/link";
import type { ShareRow } from "@/lib/sharing/queries";
import { OPERATION_LABELS, OPERATIONS } from "@/lib/sharing/permissions";
import { StatusBadge } from "@/components/sharing/status-badge";
import { formatDateTime, formatExpiry } from "@/lib/platform/format";

type Detail = ShareRow & { schedule: string | null };

export function ShareSummary({ detail, side }: { detail: Detail; side: "sharer" | "recipient" }) {
  const s = detail.share;
  return (
    <dl className="grid gap-x-8 gap-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-2">
      <div>
        <dt className="text-slate-500">Status</dt>
        <dd>
          <StatusBadge status={detail.status} />
        </dd>
      </div>
      <div>
        <dt className="text-slate-500">Expires</dt>
        <dd>
          {formatExpiry(s.expiresAt)}
          {detail.timeLeft && detail.status !== "Expired" && s.expiresAt != null ? (
            <span className="text-slate-500"> · {detail.timeLeft} left</span>
          ) : null}
        </dd>
      </div>
      <div className="sm:col-span-2">
        <dt className="text-slate-500">Permissions ({detail.preset})</dt>
        <dd>
          <ul className="mt-1 flex flex-wrap gap-2">
            {OPERATIONS.map((op) => (
              <li
                key={op}
                className={`rounded px-2 py-0.5 text-xs ${
                  detail.permissions.includes(op)
                    ? "bg-emerald-50 text-emerald-800"
                    : "bg-slate-100 text-slate-600 line-through"
                }`}
              >
                {OPERATION_LABELS[op]}
                <span className="sr-only">
                  {detail.permissions.includes(op) ? ": granted" : ": not granted"}
                </span>
              </li>
            ))}
          </ul>
          {side === "sharer" ? (
            <p className="mt-1 text-xs text-slate-500">
              Permissions, services and schedule are fixed once shared.{" "}
              {["Pending", "Active", "Expired", "Suspended"].includes(detail.status) ? (
                <Link
                  className="text-brand-700 underline"
                  href={`/shared-by-me/${s.id}/share-again`}
                >
                  Cancel and share again with changes
                </Link>
              ) : (
                "To change them, share again."
              )}
            </p>
          ) : null}
        </dd>
      </div>
      <div className="sm:col-span-2">
        <dt className="text-slate-500">Schedule</dt>
        <dd>{detail.schedule ?? "Any time until it expires"}</dd>
      </div>
      {s.description ? (
        <div className="sm:col-span-2">
          <dt className="text-slate-500">Description</dt>
          <dd>{s.description}</dd>
        </div>
      ) : null}
      {s.message ? (
        <div className="sm:col-span-2">
          <dt className="text-slate-500">Message</dt>
          <dd className="whitespace-pre-wrap">{s.message}</dd>
        </div>
      ) : null}
      <div>
        <dt className="text-slate-500">Shared</dt>
        <dd>{formatDateTime(s.createdAt)}</dd>
      </div>
      {s.acceptedAt ? (
        <div>
          <dt className="text-slate-500">Accepted</dt>
          <dd>{formatDateTime(s.acceptedAt)}</dd>
        </div>
      ) : null}
    </dl>
  );
}
