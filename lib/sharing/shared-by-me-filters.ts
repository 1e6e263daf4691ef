// The Shared by Me filters as read from the URL: one parser for the page and its CSV
// export, so "Export CSV" always exports exactly what the page shows.
import "server-only";
import { expiringSoonWindow } from "@/lib/sharing/reminders/offsets";
import { param, type SearchParams } from "@/lib/request/search-params";
import type { SharedByMeSort } from "./queries";
import { EFFECTIVE_STATUSES, type EffectiveStatus } from "./status";

export const SHARED_BY_ME_SORTS: SharedByMeSort[] = ["newest", "oldest", "expires", "recipient"];

export type SharedByMeFilters = {
  q?: string;
  status?: EffectiveStatus;
  sort: SharedByMeSort;
  expiring: boolean;
  expiringWithin?: number;
};

export function parseSharedByMeFilters(sp: SearchParams): SharedByMeFilters {
  const statusParam = param(sp, "status")?.toLowerCase();
  const status = EFFECTIVE_STATUSES.find((s) => s.toLowerCase() === statusParam);
  const sortParam = param(sp, "sort") as SharedByMeSort | undefined;
  const sort = sortParam && SHARED_BY_ME_SORTS.includes(sortParam) ? sortParam : "newest";
  const expiring = ["1", "on", "true"].includes(param(sp, "expiring") ?? "");
  return {
    q: param(sp, "q"),
    status,
    sort,
    expiring,
    expiringWithin: expiring ? expiringSoonWindow() : undefined,
  };
}
