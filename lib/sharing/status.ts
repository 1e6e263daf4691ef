import { sql, type SQL } from "drizzle-orm";
import { shares, type Share } from "@/db/schema";
import { DAY, HOUR, MINUTE } from "@/lib/platform/time";

/**
 * The status words shown on both sides. "Expired" is derived from the clock, exact to the
 * millisecond, so no background job is needed for it to be right. The same rule exists
 * in SQL below (for filtering and paging) and the tests hold the two to agree.
 */
export const EFFECTIVE_STATUSES = [
  "Pending",
  "Active",
  "Expired",
  "Cancelled",
  "Declined",
  "Left",
  "Suspended",
] as const;
export type EffectiveStatus = (typeof EFFECTIVE_STATUSES)[number];

export type StatusFields = Pick<Share, "status" | "expiresAt" | "suspendedAt">;

export function isExpired(share: Pick<Share, "status" | "expiresAt">, now: number): boolean {
  return (
    (share.status === "pending" || share.status === "active") &&
    share.expiresAt != null &&
    now >= share.expiresAt
  );
}

export function effectiveStatus(share: StatusFields, now: number): EffectiveStatus {
  if (isExpired(share, now)) return "Expired";
  switch (share.status) {
    case "pending":
      return "Pending";
    case "active":
      return share.suspendedAt != null ? "Suspended" : "Active";
    case "cancelled":
      return "Cancelled";
    case "declined":
      return "Declined";
    case "left":
      return "Left";
  }
}

/** Pending or active and not expired: the share still holds its devices (conflict rule). */
export function isLive(share: Pick<Share, "status" | "expiresAt">, now: number): boolean {
  return (share.status === "pending" || share.status === "active") && !isExpired(share, now);
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

/** Human text for the time until expiry; rounds down so it never promises more than is left. */
export function timeLeft(expiresAt: number | null, now: number): string {
  if (expiresAt == null) return "permanent";
  const left = expiresAt - now;
  if (left <= 0) return "expired";
  if (left >= DAY) return plural(Math.floor(left / DAY), "day");
  if (left >= HOUR) return plural(Math.floor(left / HOUR), "hour");
  if (left >= MINUTE) return plural(Math.floor(left / MINUTE), "minute");
  return "less than a minute";
}

// ---- SQL forms of the same rule, over the `shares` table ----

const expiredSql = (now: number) =>
  sql`(${shares.status} in ('pending', 'active') and ${shares.expiresAt} is not null and ${shares.expiresAt} <= ${now})`;
const notExpiredSql = (now: number) =>
  sql`(${shares.expiresAt} is null or ${shares.expiresAt} > ${now})`;

export function effectiveStatusSql(now: number): SQL<EffectiveStatus> {
  return sql<EffectiveStatus>`case
    when ${expiredSql(now)} then 'Expired'
    when ${shares.status} = 'pending' then 'Pending'
    when ${shares.status} = 'active' and ${shares.suspendedAt} is not null then 'Suspended'
    when ${shares.status} = 'active' then 'Active'
    when ${shares.status} = 'cancelled' then 'Cancelled'
    when ${shares.status} = 'declined' then 'Declined'
    else 'Left' end`;
}

/**
 * A WHERE predicate selecting shares whose effective status is `status`. Written on the
 * stored status first so the (…, status, created_at) indexes can be used.
 */
export function statusPredicate(status: EffectiveStatus, now: number): SQL {
  switch (status) {
    case "Expired":
      return expiredSql(now);
    case "Pending":
      return sql`(${shares.status} = 'pending' and ${notExpiredSql(now)})`;
    case "Active":
      return sql`(${shares.status} = 'active' and ${notExpiredSql(now)} and ${shares.suspendedAt} is null)`;
    case "Suspended":
      return sql`(${shares.status} = 'active' and ${notExpiredSql(now)} and ${shares.suspendedAt} is not null)`;
    case "Cancelled":
      return sql`${shares.status} = 'cancelled'`;
    case "Declined":
      return sql`${shares.status} = 'declined'`;
    case "Left":
      return sql`${shares.status} = 'left'`;
  }
}

/** Live in SQL: pending/active and not expired. */
export function liveSql(now: number): SQL {
  return sql`(${shares.status} in ('pending', 'active') and ${notExpiredSql(now)})`;
}
