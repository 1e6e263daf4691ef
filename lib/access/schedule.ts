// Evaluates an access schedule at an instant. Pure: the clock is a parameter.
//
// Semantics (each one is tested in schedule.test.ts):
// - Weekdays and the daily window are read on the wall clock of the share's time zone
//   (UTC when none), so "08:00–18:00 Europe/Berlin" follows daylight saving time.
// - Window start is inclusive, end exclusive, at minute precision (17:59:59.999 is inside
//   an 18:00 end, 18:00:00.000 is not).
// - A window whose start is after its end (22:00–06:00) crosses midnight: the part after
//   midnight belongs to the day the window STARTED. "Mon 22:00–06:00" therefore allows
//   Monday 22:00 → Tuesday 06:00, and not Monday 00:00–06:00 (that belongs to Sunday).
//   This is how people read a night shift, and it keeps a single-day share one interval.
// - DST: wall-clock minutes that do not exist (spring forward) are simply never seen; wall
//   clock minutes that occur twice (fall back) are inside the window both times.
import { ALL_DAYS, effectiveWindow, type Schedule } from "./schedule-text";
import { DAY, MINUTE } from "@/lib/platform/time";

export * from "./schedule-text";

export interface LocalParts {
  year: number;
  month: number; // 1–12
  day: number;
  weekday: number; // 0 = Monday … 6 = Sunday
  minutes: number; // since local midnight
}

export type ScheduleReason = "not_started" | "outside_days" | "outside_window";
export type ScheduleCheck =
  { ok: true } | { ok: false; reason: ScheduleReason; nextStart?: number };

const SEARCH_DAYS = 8;

// Building an Intl.DateTimeFormat costs far more than using one; zones are few.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

// "12/7/2026, 06:00": the en-US numeric shape. format() is ~4× cheaper than formatToParts(),
// and this runs several times per access check; formatToParts remains the fallback should
// an ICU version ever print something else.
const EN_US = /^(\d{1,2})\/(\d{1,2})\/(\d{4}), (\d{2}):(\d{2})$/;

/** Wall-clock date, weekday and minute of `ms` in `timeZone`. Throws RangeError on a bad zone. */
export function localParts(ms: number, timeZone = "UTC"): LocalParts {
  const formatter = formatterFor(timeZone);
  let year = 0,
    month = 0,
    day = 0,
    hour = 0,
    minute = 0;
  const m = EN_US.exec(formatter.format(ms));
  if (m) {
    [month, day, year, hour, minute] = [
      Number(m[1]),
      Number(m[2]),
      Number(m[3]),
      Number(m[4]),
      Number(m[5]),
    ];
  } else {
    for (const p of formatter.formatToParts(ms)) {
      if (p.type === "year") year = Number(p.value);
      else if (p.type === "month") month = Number(p.value);
      else if (p.type === "day") day = Number(p.value);
      else if (p.type === "hour") hour = Number(p.value);
      else if (p.type === "minute") minute = Number(p.value);
    }
  }
  hour %= 24; // some engines print 24 at midnight
  const weekday = (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
  return { year, month, day, weekday, minutes: hour * 60 + minute };
}

const dayAllowed = (mask: number | null | undefined, weekday: number) =>
  mask == null || (mask & (1 << weekday)) !== 0;

/** Weekdays + window at one instant, ignoring startsAt. */
function statusAt(s: Schedule, ms: number): "ok" | "outside_days" | "outside_window" {
  const win = effectiveWindow(s);
  const everyDay = s.weekdays == null || (s.weekdays & ALL_DAYS) === ALL_DAYS;
  if (everyDay && !win) return "ok"; // no need to touch Intl at all
  const p = localParts(ms, s.timeZone || "UTC");
  if (!win) return dayAllowed(s.weekdays, p.weekday) ? "ok" : "outside_days";
  if (win.start < win.end) {
    if (!dayAllowed(s.weekdays, p.weekday)) return "outside_days";
    return p.minutes >= win.start && p.minutes < win.end ? "ok" : "outside_window";
  }
  // Crossing midnight: the evening part belongs to today, the early morning to yesterday.
  if (p.minutes >= win.start) return dayAllowed(s.weekdays, p.weekday) ? "ok" : "outside_days";
  if (p.minutes < win.end)
    return dayAllowed(s.weekdays, (p.weekday + 6) % 7) ? "ok" : "outside_days";
  return dayAllowed(s.weekdays, p.weekday) ? "outside_window" : "outside_days";
}

/** Local wall time as if it were UTC, minus the instant: the zone's offset at `ms`. */
function offsetAt(ms: number, timeZone: string): number {
  const t = Math.floor(ms / MINUTE) * MINUTE;
  const p = localParts(t, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day) + p.minutes * MINUTE - t;
}

function wallAt(ms: number, timeZone: string): number {
  return Math.floor(ms / MINUTE) * MINUTE + offsetAt(ms, timeZone);
}

/** First minute in (lo, hi] satisfying `pred`, given pred(lo) false and pred(hi) true. */
function firstMinute(lo: number, hi: number, pred: (t: number) => boolean): number {
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (pred(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * Instants whose wall clock reads `wall` (a local time encoded as UTC ms): one normally, two
 * in a fall-back hour; in a spring-forward gap, the first instant after the gap.
 */
function wallToInstants(wall: number, timeZone: string): number[] {
  const a = wall - offsetAt(wall - DAY, timeZone);
  const b = wall - offsetAt(wall + DAY, timeZone);
  const hits = [...new Set([a, b])].filter((t) => wallAt(t, timeZone) === wall);
  if (hits.length) return hits;
  const [lo, hi] = a < b ? [a, b] : [b, a];
  return [firstMinute(lo, hi, (t) => wallAt(t, timeZone) >= wall)];
}

/** The DST transition instant inside local day `dayWall` (UTC-encoded midnight), if any. */
function transitionOn(dayWall: number, timeZone: string): number | undefined {
  const start = dayWall - offsetAt(dayWall, timeZone);
  const end = start + DAY;
  const after = offsetAt(end, timeZone);
  if (offsetAt(start, timeZone) === after) return undefined;
  return firstMinute(start, end, (t) => offsetAt(t, timeZone) === after);
}

/**
 * Next instant > `from` (or = `from` when `inclusive`) inside weekdays + window, within
 * SEARCH_DAYS. Allowed time is a union of intervals that each open at a window start (or
 * midnight), at the end of a DST gap, or at a fall-back transition re-entering the window,
 * so those are the only candidates we need to test — a few Intl calls, not a minute scan.
 */
export function nextAllowedStart(s: Schedule, from: number, inclusive = false): number | undefined {
  if (inclusive && statusAt(s, from) === "ok") return from;
  if (s.weekdays != null && (s.weekdays & ALL_DAYS) === 0) return undefined; // never
  const zone = s.timeZone || "UTC";
  const open = effectiveWindow(s)?.start ?? 0;
  const p = localParts(from, zone);
  const today = Date.UTC(p.year, p.month - 1, p.day);
  for (let i = 0; i <= SEARCH_DAYS; i++) {
    const dayWall = today + i * DAY;
    const candidates = wallToInstants(dayWall + open * MINUTE, zone);
    const transition = transitionOn(dayWall, zone);
    if (transition !== undefined) candidates.push(transition);
    candidates.sort((x, y) => x - y);
    for (const c of candidates) {
      if (c > from && c <= from + SEARCH_DAYS * DAY && statusAt(s, c) === "ok") return c;
    }
  }
  return undefined;
}

/** Is `now` inside the schedule? When not, why, and (if found within 8 days) when next. */
export function isWithinSchedule(s: Schedule, now: number): ScheduleCheck {
  try {
    if (s.startsAt != null && now < s.startsAt) {
      const nextStart = nextAllowedStart(s, s.startsAt, true);
      return nextStart === undefined
        ? { ok: false, reason: "not_started" }
        : { ok: false, reason: "not_started", nextStart };
    }
    const status = statusAt(s, now);
    if (status === "ok") return { ok: true };
    const nextStart = nextAllowedStart(s, now);
    return nextStart === undefined
      ? { ok: false, reason: status }
      : { ok: false, reason: status, nextStart };
  } catch (error) {
    // An unknown time zone can only come from bad data; deny (fail closed) instead of
    // throwing out of the access check and turning a page into a 500.
    if (error instanceof RangeError) return { ok: false, reason: "outside_window" };
    throw error;
  }
}
