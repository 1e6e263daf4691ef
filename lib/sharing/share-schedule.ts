// The share's view of its schedule. The rules themselves live in lib/access/schedule.ts
// (one implementation for windows across midnight, DST and time zones); this adapts them
// to a stored share and words them for the share pages.
import "server-only";
import type { Share } from "@/db/schema";
import { describeSchedule, formatTime, isWithinSchedule, localParts } from "@/lib/access/schedule";
import { effectiveStatus } from "./status";

export type ScheduleFields = Pick<
  Share,
  "startsAt" | "weekdays" | "windowStart" | "windowEnd" | "timeZone"
> &
  Partial<Pick<Share, "remoteAccess">>;

/** Within the access schedule at `now` (start date, weekdays, daily window); ignores status. */
export function withinSchedule(s: ScheduleFields, now: number): boolean {
  return isWithinSchedule(s, now).ok;
}

/** Whether the recipient may use the shared devices right now (Rule 8), and why not. */
export function accessNow(
  share: ScheduleFields & Pick<Share, "status" | "expiresAt" | "suspendedAt">,
  now: number,
): { allowed: boolean; reason?: string } {
  const status = effectiveStatus(share, now);
  if (status === "Pending")
    return { allowed: false, reason: "accept the share to use these devices" };
  if (status !== "Active")
    return { allowed: false, reason: `this share is ${status.toLowerCase()}` };
  const check = isWithinSchedule(share, now);
  if (check.ok) return { allowed: true };
  const zone = share.timeZone ?? "UTC";
  const until =
    check.nextStart != null
      ? ` until ${formatTime(localParts(check.nextStart, zone).minutes)} ${zone}`
      : "";
  return {
    allowed: false,
    reason:
      check.reason === "not_started"
        ? `access has not started yet${until}`
        : `outside the schedule${until}`,
  };
}

/** "Mon–Fri, 08:00–18:00 Europe/Berlin, from 1 Dec 2026"; null when access is unrestricted. */
export function describeShareSchedule(s: ScheduleFields): string | null {
  // The expiry is shown on its own beside the schedule, so it is left out of these words.
  const text = describeSchedule({ ...s, expiresAt: null });
  return text.startsWith("No schedule") ? null : text;
}
