// The /access filters as read from the URL (page and CSV export share them).
import "server-only";
import { param, pageParam, type SearchParams } from "@/lib/request/search-params";
import { EFFECTIVE_STATUSES, type EffectiveStatus } from "@/lib/sharing/status";

/** "current" (the default) = pending, active or suspended and not expired; "all" = any status. */
export type MatrixStatus = EffectiveStatus | "current" | "all";
export type MatrixFilters = {
  group?: string;
  device?: string;
  recipient?: string;
  status?: MatrixStatus;
};

export function parseMatrixFilters(sp: SearchParams): MatrixFilters & { page: number } {
  const s = param(sp, "status")?.toLowerCase();
  const status: MatrixStatus =
    s === "all" ? "all" : (EFFECTIVE_STATUSES.find((x) => x.toLowerCase() === s) ?? "current");
  return {
    group: param(sp, "group"),
    device: param(sp, "device"),
    recipient: param(sp, "recipient"),
    status,
    page: pageParam(sp),
  };
}
