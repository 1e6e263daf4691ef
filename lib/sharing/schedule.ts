import type { Share } from "@/db/schema";
import { effectiveStatus } from "./status";

export const WEEKDAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

export type ScheduleFields = Pick<Share, "startsAt" | "weekdays" | "windowStart" | "windowEnd" | "timeZone">;

const SHORT_DAY: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

/** Weekday (0 = Monday, matching bit 0 of `weekdays`) and minutes after midnight in `timeZone`. */
export function localTime(now: number, timeZone: string): { weekday: number; minutes: number } {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone, weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return { weekday: SHORT_DAY[get("weekday")], minutes: Number(get("hour")) * 60 + Number(get("minute")) };
}

/** Within the access schedule at `now` (start date, weekdays, daily window); ignores status. */
export function withinSchedule(s: ScheduleFields, now: number): boolean {
  if (s.startsAt != null && now < s.startsAt) return false;
  if (s.weekdays == null && s.windowStart == null) return true;
  const { weekday, minutes } = localTime(now, s.timeZone ?? "UTC");
  if (s.weekdays != null && (s.weekdays & (1 << weekday)) === 0) return false;
  if (s.windowStart != null && s.windowEnd != null && (minutes < s.windowStart || minutes >= s.windowEnd)) return false;
  return true;
}

/**
 * Whether the recipient may use the shared devices right now (Rule 8), with the reason
 * when not, for the recipient's page.
 */
export function accessNow(
  share: ScheduleFields & Pick<Share, "status" | "expiresAt" | "suspendedAt">,
  now: number,
): { allowed: boolean; reason?: string } {
  const status = effectiveStatus(share, now);
  if (status === "Pending") return { allowed: false, reason: "Accept the share to use these devices." };
  if (status !== "Active") return { allowed: false, reason: `This share is ${status.toLowerCase()}.` };
  if (share.startsAt != null && now < share.startsAt) return { allowed: false, reason: "Access has not started yet." };
  if (!withinSchedule(share, now)) return { allowed: false, reason: "Outside the scheduled access hours." };
  return { allowed: true };
}

/** E.g. "Mon–Fri, 08:00–18:00 (Europe/Paris)"; null when there is no recurring schedule. */
export function describeSchedule(s: ScheduleFields): string | null {
  if (s.weekdays == null && s.windowStart == null) return null;
  const days = s.weekdays == null || s.weekdays === 127 ? "Every day" : WEEKDAY_NAMES.filter((_, i) => s.weekdays! & (1 << i)).join(", ");
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  const window = s.windowStart != null && s.windowEnd != null ? `, ${hhmm(s.windowStart)}–${hhmm(s.windowEnd)}` : "";
  return `${days}${window} (${s.timeZone ?? "UTC"})`;
}
