import type { EffectiveStatus } from "@/lib/sharing/status";

const STYLES: Record<EffectiveStatus, string> = {
  Pending: "bg-amber-100 text-amber-800",
  Active: "bg-emerald-100 text-emerald-800",
  Expired: "bg-slate-200 text-slate-700",
  Cancelled: "bg-red-100 text-red-800",
  Declined: "bg-red-50 text-red-700",
  Left: "bg-slate-100 text-slate-600",
  Suspended: "bg-purple-100 text-purple-800",
};

export function StatusBadge({ status }: { status: EffectiveStatus }) {
  return (
    <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${STYLES[status]}`}>
      {status}
    </span>
  );
}
