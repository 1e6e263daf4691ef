// Formatting and parsing helpers for access schedules. Kept apart from the evaluation in
// schedule.ts so UI code can import them without pulling in the time-zone machinery.

/** What a share stores about its schedule (all optional: null/undefined = unrestricted). */
export interface Schedule {
  startsAt?: number | null;
  /** Bit 0 = Monday … bit 6 = Sunday; null = every day. */
  weekdays?: number | null;
  /** Minutes after local midnight; start inclusive, end exclusive; start > end crosses midnight. */
  windowStart?: number | null;
  windowEnd?: number | null;
  /** IANA zone the weekdays and window are read in; null = UTC. */
  timeZone?: string | null;
  /** Boolean from drizzle, 0/1 from raw SQLite rows. */
  remoteAccess?: boolean | number | null;
  /** Only used by describeSchedule ("until …"); expiry is enforced by the access check. */
  expiresAt?: number | null;
}

export const ALL_DAYS = 0b1111111;
const EN_DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const EN_MONTHS = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
];
const DAY_ALIASES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/** [0, 2, 4] or ["Mon", "wed", "friday"] → bitmask (bit 0 = Monday). Throws on unknown days. */
export function weekdaysFromList(days: ReadonlyArray<number | string>): number {
  let mask = 0;
  for (const day of days) {
    const index =
      typeof day === "number" ? day : DAY_ALIASES.indexOf(day.trim().toLowerCase().slice(0, 3));
    if (!Number.isInteger(index) || index < 0 || index > 6)
      throw new RangeError(`Unknown weekday: ${day}`);
    mask |= 1 << index;
  }
  return mask;
}

/** Bitmask → sorted weekday numbers (0 = Monday); null means every day. */
export function weekdaysToList(mask: number | null | undefined): number[] {
  const effective = mask == null ? ALL_DAYS : mask;
  return [0, 1, 2, 3, 4, 5, 6].filter((d) => (effective & (1 << d)) !== 0);
}

/** "08:30" → 510. "24:00" is accepted (1440) so a window can end at midnight. Null if invalid. */
export function parseTime(text: string): number | null {
  const m = /^\s*(\d{1,2}):(\d{2})\s*$/.exec(text);
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) return null;
  return hours * 60 + minutes;
}

/** 510 → "08:30"; 1440 → "24:00". */
export function formatTime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

function dayNames(locale: string): string[] {
  if (locale.toLowerCase().startsWith("en")) return EN_DAYS;
  const fmt = new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" });
  // 1 Jan 2024 was a Monday.
  return EN_DAYS.map((_, i) => fmt.format(Date.UTC(2024, 0, 1 + i)));
}

/** "Every day", "Weekends", "Mon–Fri", "Mon, Wed, Fri", "Mon–Wed, Sat". */
export function describeWeekdays(mask: number | null | undefined, locale = "en"): string {
  const days = mask == null ? ALL_DAYS : mask & ALL_DAYS;
  if (days === ALL_DAYS) return "Every day";
  if (days === 0) return "No days";
  if (days === 0b1100000) return "Weekends";
  const names = dayNames(locale);
  const parts: string[] = [];
  let d = 0;
  while (d < 7) {
    if (!(days & (1 << d))) {
      d++;
      continue;
    }
    let end = d;
    while (end + 1 < 7 && days & (1 << (end + 1))) end++;
    // Runs of three or more read better as a range; two days are simply listed.
    if (end - d >= 2) parts.push(`${names[d]}–${names[end]}`);
    else for (let i = d; i <= end; i++) parts.push(names[i]);
    d = end + 1;
  }
  return parts.join(", ");
}

/** "1 Dec 2026" in the given zone (English uses day-month-year like the rest of the portal). */
export function formatZonedDate(ms: number, timeZone = "UTC", locale = "en"): string {
  const opts = { timeZone, day: "numeric", month: "numeric", year: "numeric" } as const;
  if (!locale.toLowerCase().startsWith("en")) {
    return new Intl.DateTimeFormat(locale, { ...opts, month: "short" }).format(ms);
  }
  const parts = new Intl.DateTimeFormat("en-US", opts).formatToParts(ms);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return `${get("day")} ${EN_MONTHS[get("month") - 1]} ${get("year")}`;
}

/** Null when the window does not restrict the day (absent, or start === end). */
export function effectiveWindow(s: Schedule): { start: number; end: number } | null {
  if (s.windowStart == null && s.windowEnd == null) return null;
  const start = s.windowStart ?? 0;
  const end = s.windowEnd ?? 1440;
  // start === end is read as "all day" rather than "never": an empty window is never useful
  // and a sharer who typed 00:00–00:00 means the whole day.
  if (start === end || (start === 0 && end >= 1440)) return null;
  return { start, end };
}

/** "Mon–Fri, 08:00–18:00 Europe/Berlin, from 1 Dec 2026. Remote access disabled". */
export function describeSchedule(s: Schedule, locale = "en"): string {
  const zone = s.timeZone || "UTC";
  const win = effectiveWindow(s);
  const restrictsDays = s.weekdays != null && (s.weekdays & ALL_DAYS) !== ALL_DAYS;
  const parts: string[] = [];
  if (restrictsDays || win) {
    const time = win ? `${formatTime(win.start)}–${formatTime(win.end)}` : "all day";
    parts.push(describeWeekdays(s.weekdays, locale), `${time} ${zone}`);
  }
  if (s.startsAt != null) parts.push(`from ${formatZonedDate(s.startsAt, zone, locale)}`);
  if (s.expiresAt != null) parts.push(`until ${formatZonedDate(s.expiresAt, zone, locale)}`);
  let text = parts.length ? parts.join(", ") : "No schedule: any time";
  text = text.charAt(0).toUpperCase() + text.slice(1);
  if (s.remoteAccess === false || s.remoteAccess === 0) text += ". Remote access disabled";
  return text;
}
