// Pure decision logic of the access check: one share row → a result, many results → the best.
// No database here, so every rule is testable with plain objects and an injected clock.
import { isWithinSchedule, type ScheduleCheck } from "./schedule";

import { OPERATIONS, parsePermissions, type Operation } from "@/lib/sharing/permissions";

// One list of operations, and one reading of the stored list, for sharing and for the access check.
export { OPERATIONS, parsePermissions, type Operation };

export type DenyReason =
  | "not_shared"
  | "not_started"
  | "outside_window"
  | "expired"
  | "cancelled"
  | "suspended"
  | "service_not_shared"
  | "permission_not_granted"
  | "remote_disabled";

export type AccessAllowed = {
  allowed: true;
  reason: "owner" | "shared";
  shareId?: string;
  permissions: Operation[];
  /** Services the recipient may use; null = all services of the device. */
  serviceIds: string[] | null;
} & AccessSource;
/** A group share's result names its group; a direct one, the groups it took precedence over. */
export type AccessSource = { via?: string; overrides?: string[] };
export type AccessDenied = {
  allowed: false;
  reason: DenyReason;
  /** When access resumes by itself (schedule reasons only, and only before expiry). */
  until?: number;
  shareId?: string;
  /** Zone of the share's schedule, so `until` can be shown in the sharer's terms. */
  timeZone?: string;
} & AccessSource;
export type AccessResult = AccessAllowed | AccessDenied;

/** The columns of a share + its item that the decision needs (aliases of the SQL rows). */
export interface ShareCheckRow {
  shareId: string;
  status: string;
  permissions: string;
  expiresAt: number | null;
  startsAt: number | null;
  weekdays: number | null;
  windowStart: number | null;
  windowEnd: number | null;
  timeZone: string | null;
  remoteAccess: number | boolean | null;
  suspendedAt: number | null;
  serviceIds: string | null;
}

/** JSON array text → ids; null = all services. Malformed data grants no service (fail closed). */
export function parseServiceIds(text: string | null): string[] | null {
  if (text == null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

/**
 * Whether the share as a whole is in effect at `now` (status, expiry, suspension, schedule),
 * independent of the operation. Null = in effect. `schedule` lets callers reuse one lazy
 * schedule evaluation across the five operations (it is skipped for ended shares).
 */
export function shareState(
  row: ShareCheckRow,
  now: number,
  schedule?: () => ScheduleCheck,
): AccessDenied | null {
  if (row.status === "cancelled")
    return { allowed: false, reason: "cancelled", shareId: row.shareId };
  // Pending, declined and left shares grant nothing and say nothing: to the recipient the
  // device is simply not shared (pending shares never bind access, Rule 8).
  if (row.status !== "active") return { allowed: false, reason: "not_shared" };
  if (row.expiresAt != null && now >= row.expiresAt)
    return { allowed: false, reason: "expired", shareId: row.shareId };
  // Any suspension stamp denies; lifting a suspension clears the column.
  if (row.suspendedAt != null) return { allowed: false, reason: "suspended", shareId: row.shareId };
  const check = schedule ? schedule() : isWithinSchedule(row, now);
  if (check.ok) return null;
  const denied: AccessDenied = {
    allowed: false,
    reason: check.reason === "not_started" ? "not_started" : "outside_window",
    shareId: row.shareId,
    timeZone: row.timeZone || "UTC",
  };
  // Access that would resume only after expiry never resumes: no promise then.
  if (check.nextStart !== undefined && (row.expiresAt == null || check.nextStart < row.expiresAt)) {
    denied.until = check.nextStart;
  }
  return denied;
}

export interface EvaluateInput {
  operation: Operation;
  serviceId?: string | null;
  /** False when serviceId does not name a service of this device (no cross-device ids). */
  serviceOnDevice: boolean;
  now: number;
}

/** The full decision for one share row and one operation. */
export function evaluateShare(
  row: ShareCheckRow,
  input: EvaluateInput,
  schedule?: () => ScheduleCheck,
): AccessResult {
  // Lifecycle first: an expired share says "expired", not "configure not granted".
  const state = shareState(row, input.now, () => ({ ok: true }));
  if (state) return state;
  const base = { allowed: false as const, shareId: row.shareId };
  // Grants are immutable, so their refusals come before the schedule's temporary ones:
  // "Configure: not granted" is truer than "outside the schedule until 08:00".
  const permissions = parsePermissions(row.permissions);
  if (!permissions.includes(input.operation)) return { ...base, reason: "permission_not_granted" };
  if (input.operation === "remote" && !row.remoteAccess)
    return { ...base, reason: "remote_disabled" };
  const serviceIds = parseServiceIds(row.serviceIds);
  if (
    input.serviceId != null &&
    (!input.serviceOnDevice || (serviceIds && !serviceIds.includes(input.serviceId)))
  ) {
    return { ...base, reason: "service_not_shared" };
  }
  const timed = shareState(row, input.now, schedule);
  if (timed) return timed;
  return { allowed: true, reason: "shared", shareId: row.shareId, permissions, serviceIds };
}

// Higher = closer to being allowed, hence more useful to tell a recipient who has several
// shares for the device (e.g. an old cancelled one and a current one outside its window).
const RANK: Record<DenyReason, number> = {
  not_shared: 0,
  cancelled: 1,
  expired: 2,
  suspended: 3,
  permission_not_granted: 4,
  remote_disabled: 4,
  service_not_shared: 4,
  not_started: 5,
  outside_window: 5,
};

/** Allowed beats denied (most permissions first); among denials the highest rank, soonest `until`. */
export function pickBest(results: AccessResult[]): AccessResult {
  let best: AccessResult | undefined;
  for (const r of results) {
    if (!best || better(r, best)) best = r;
  }
  return best ?? { allowed: false, reason: "not_shared" };
}

function better(a: AccessResult, b: AccessResult): boolean {
  if (a.allowed !== b.allowed) return a.allowed;
  if (a.allowed && b.allowed) return a.permissions.length > b.permissions.length;
  const x = a as AccessDenied;
  const y = b as AccessDenied;
  if (RANK[x.reason] !== RANK[y.reason]) return RANK[x.reason] > RANK[y.reason];
  if (x.until === undefined) return false;
  return y.until === undefined || x.until < y.until;
}
