import { describe, expect, it } from "vitest";
import {
  describeSchedule,
  formatTime,
  isWithinSchedule,
  localParts,
  parseTime,
  weekdaysFromList,
  weekdaysToList,
  type Schedule,
} from "./schedule";

const utc = (y: number, m: number, d: number, h = 0, mi = 0) => Date.UTC(y, m - 1, d, h, mi);
const MON_FRI = weekdaysFromList([0, 1, 2, 3, 4]);
const office = (timeZone: string, extra: Schedule = {}): Schedule => ({
  windowStart: 480,
  windowEnd: 1080,
  timeZone,
  ...extra,
});

describe("localParts", () => {
  it("reads wall clock, Monday-based weekday and date in a zone", () => {
    expect(localParts(utc(2026, 12, 7, 12, 30), "UTC")).toEqual({
      year: 2026,
      month: 12,
      day: 7,
      weekday: 0,
      minutes: 750,
    });
    expect(localParts(utc(2026, 12, 6, 23, 30), "Europe/Berlin")).toMatchObject({
      day: 7,
      weekday: 0,
      minutes: 30,
    });
    expect(localParts(utc(2026, 7, 1, 12), "Europe/Berlin").minutes).toBe(14 * 60); // CEST
    expect(localParts(utc(2026, 12, 7, 3), "America/New_York")).toMatchObject({
      day: 6,
      weekday: 6,
      minutes: 22 * 60,
    });
    expect(localParts(utc(2026, 12, 7, 0), "UTC").minutes).toBe(0); // midnight is 0, never 24:00
    // Five-digit years do not fit the fast path's pattern and go through formatToParts.
    expect(localParts(Date.UTC(10000, 0, 3, 5, 30), "UTC")).toEqual({
      year: 10000,
      month: 1,
      day: 3,
      weekday: 0,
      minutes: 330,
    });
  });
});

describe("time and weekday helpers", () => {
  it("parses and formats HH:MM", () => {
    expect(parseTime("08:30")).toBe(510);
    expect(parseTime("0:00")).toBe(0);
    expect(parseTime("24:00")).toBe(1440);
    for (const bad of ["24:01", "08:60", "8", "ab:cd", "", "-1:00"])
      expect(parseTime(bad)).toBeNull();
    expect(formatTime(510)).toBe("08:30");
    expect(formatTime(0)).toBe("00:00");
    expect(formatTime(1440)).toBe("24:00");
  });

  it("converts weekday lists to bitmasks and back", () => {
    expect(weekdaysFromList([0, 2, 4])).toBe(0b10101);
    expect(weekdaysFromList(["Mon", "wednesday", "FRI"])).toBe(0b10101);
    expect(weekdaysFromList(["sat", "sun"])).toBe(0b1100000);
    expect(() => weekdaysFromList([7])).toThrow(RangeError);
    expect(() => weekdaysFromList(["xyz"])).toThrow(RangeError);
    expect(weekdaysToList(0b10101)).toEqual([0, 2, 4]);
    expect(weekdaysToList(null)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});

describe("isWithinSchedule: basics and edges", () => {
  it("allows any time without a schedule", () => {
    expect(isWithinSchedule({}, utc(2026, 12, 7, 3))).toEqual({ ok: true });
  });

  it("denies before startsAt and allows from it (inclusive)", () => {
    const startsAt = utc(2026, 12, 1, 9);
    expect(isWithinSchedule({ startsAt }, startsAt - 1)).toEqual({
      ok: false,
      reason: "not_started",
      nextStart: startsAt,
    });
    expect(isWithinSchedule({ startsAt }, startsAt)).toEqual({ ok: true });
  });

  it("reports the first in-window moment after startsAt as nextStart", () => {
    const s = office("UTC", { startsAt: utc(2026, 12, 7, 6) });
    expect(isWithinSchedule(s, utc(2026, 12, 1))).toEqual({
      ok: false,
      reason: "not_started",
      nextStart: utc(2026, 12, 7, 8),
    });
  });

  it("window start is inclusive, end exclusive", () => {
    const s = office("UTC");
    expect(isWithinSchedule(s, utc(2026, 12, 7, 8))).toEqual({ ok: true });
    expect(isWithinSchedule(s, utc(2026, 12, 7, 8) - 1)).toEqual({
      ok: false,
      reason: "outside_window",
      nextStart: utc(2026, 12, 7, 8),
    });
    expect(isWithinSchedule(s, utc(2026, 12, 7, 18) - 1)).toEqual({ ok: true });
    expect(isWithinSchedule(s, utc(2026, 12, 7, 18))).toEqual({
      ok: false,
      reason: "outside_window",
      nextStart: utc(2026, 12, 8, 8),
    });
  });

  it("denies days outside the weekdays and points to the next allowed day", () => {
    const s = office("UTC", { weekdays: MON_FRI });
    expect(isWithinSchedule(s, utc(2026, 12, 12, 10))).toEqual({
      ok: false,
      reason: "outside_days",
      nextStart: utc(2026, 12, 14, 8),
    });
    expect(isWithinSchedule({ weekdays: 0b1100000 }, utc(2026, 12, 11, 23, 59))).toEqual({
      ok: false,
      reason: "outside_days",
      nextStart: utc(2026, 12, 12),
    });
  });

  it("reads the window in the share's zone (Berlin, +01:00 in winter)", () => {
    const s = office("Europe/Berlin");
    expect(isWithinSchedule(s, utc(2026, 12, 7, 7))).toEqual({ ok: true });
    expect(isWithinSchedule(s, utc(2026, 12, 7, 7) - 1)).toMatchObject({
      ok: false,
      nextStart: utc(2026, 12, 7, 7),
    });
    expect(isWithinSchedule(s, utc(2026, 12, 7, 17))).toMatchObject({
      ok: false,
      reason: "outside_window",
    });
  });

  it("handles zones with 45-minute offsets", () => {
    const s = { windowStart: 540, windowEnd: 600, timeZone: "Asia/Kathmandu" };
    expect(isWithinSchedule(s, utc(2026, 12, 7, 3))).toEqual({
      ok: false,
      reason: "outside_window",
      nextStart: utc(2026, 12, 7, 3, 15),
    });
  });

  it("never allows an empty weekday set, and fails closed on an unknown zone", () => {
    expect(isWithinSchedule({ weekdays: 0 }, utc(2026, 12, 7))).toEqual({
      ok: false,
      reason: "outside_days",
    });
    expect(isWithinSchedule(office("Mars/Olympus"), utc(2026, 12, 7, 12))).toEqual({
      ok: false,
      reason: "outside_window",
    });
  });

  it("reads start === end as all day", () => {
    expect(isWithinSchedule({ windowStart: 0, windowEnd: 0 }, utc(2026, 12, 7, 3))).toEqual({
      ok: true,
    });
  });
});

describe("isWithinSchedule: windows crossing midnight belong to the day they start", () => {
  const monNight: Schedule = {
    weekdays: weekdaysFromList(["mon"]),
    windowStart: 22 * 60,
    windowEnd: 6 * 60,
    timeZone: "UTC",
  };

  it("allows Monday 22:00 → Tuesday 06:00 (end exclusive)", () => {
    expect(isWithinSchedule(monNight, utc(2026, 12, 7, 22))).toEqual({ ok: true });
    expect(isWithinSchedule(monNight, utc(2026, 12, 8, 2))).toEqual({ ok: true });
    expect(isWithinSchedule(monNight, utc(2026, 12, 8, 6) - 1)).toEqual({ ok: true });
    expect(isWithinSchedule(monNight, utc(2026, 12, 8, 6))).toEqual({
      ok: false,
      reason: "outside_days",
      nextStart: utc(2026, 12, 14, 22),
    });
  });

  it("does not allow Monday early morning (that night belongs to Sunday)", () => {
    expect(isWithinSchedule(monNight, utc(2026, 12, 7, 2))).toEqual({
      ok: false,
      reason: "outside_days",
      nextStart: utc(2026, 12, 7, 22),
    });
    expect(isWithinSchedule(monNight, utc(2026, 12, 7, 21, 59))).toEqual({
      ok: false,
      reason: "outside_window",
      nextStart: utc(2026, 12, 7, 22),
    });
  });

  it("follows the wall clock across the spring-forward night (Berlin)", () => {
    const night = { windowStart: 22 * 60, windowEnd: 6 * 60, timeZone: "Europe/Berlin" };
    expect(isWithinSchedule(night, utc(2026, 3, 28, 21))).toEqual({ ok: true }); // 22:00 CET
    expect(isWithinSchedule(night, utc(2026, 3, 29, 4) - 1)).toEqual({ ok: true }); // 05:59 CEST
    expect(isWithinSchedule(night, utc(2026, 3, 29, 4))).toMatchObject({
      ok: false,
      nextStart: utc(2026, 3, 29, 20),
    });
  });
});

describe("isWithinSchedule: daylight saving time", () => {
  it("Berlin spring forward: 08:00 moves from 07:00Z to 06:00Z", () => {
    const s = office("Europe/Berlin");
    expect(isWithinSchedule(s, utc(2026, 3, 28, 7))).toEqual({ ok: true });
    expect(isWithinSchedule(s, utc(2026, 3, 29, 6) - 1)).toEqual({
      ok: false,
      reason: "outside_window",
      nextStart: utc(2026, 3, 29, 6),
    });
    expect(isWithinSchedule(s, utc(2026, 3, 29, 16))).toMatchObject({
      ok: false,
      reason: "outside_window",
    });
  });

  it("Berlin spring forward: a window inside the skipped hour never opens that day", () => {
    const s = { windowStart: 120, windowEnd: 150, timeZone: "Europe/Berlin" };
    expect(isWithinSchedule(s, utc(2026, 3, 29, 1))).toMatchObject({
      ok: false,
      nextStart: utc(2026, 3, 30, 0),
    });
  });

  it("Berlin spring forward: a window starting in the skipped hour opens at 03:00", () => {
    const s = { windowStart: 150, windowEnd: 240, timeZone: "Europe/Berlin" };
    expect(isWithinSchedule(s, utc(2026, 3, 29, 0, 30))).toEqual({
      ok: false,
      reason: "outside_window",
      nextStart: utc(2026, 3, 29, 1),
    });
    expect(isWithinSchedule(s, utc(2026, 3, 29, 1))).toEqual({ ok: true });
  });

  it("Berlin fall back: 08:00 moves from 06:00Z to 07:00Z", () => {
    const s = office("Europe/Berlin");
    expect(isWithinSchedule(s, utc(2026, 10, 24, 16))).toEqual({
      ok: false,
      reason: "outside_window",
      nextStart: utc(2026, 10, 25, 7),
    });
    expect(isWithinSchedule(s, utc(2026, 10, 25, 7) - 1)).toMatchObject({ ok: false });
    expect(isWithinSchedule(s, utc(2026, 10, 25, 16, 59))).toEqual({ ok: true });
  });

  it("Berlin fall back: the repeated hour is inside the window both times", () => {
    const s = { windowStart: 120, windowEnd: 150, timeZone: "Europe/Berlin" };
    expect(isWithinSchedule(s, utc(2026, 10, 25, 0, 15))).toEqual({ ok: true }); // 02:15 CEST
    expect(isWithinSchedule(s, utc(2026, 10, 25, 0, 45))).toEqual({
      ok: false,
      reason: "outside_window",
      nextStart: utc(2026, 10, 25, 1),
    });
    expect(isWithinSchedule(s, utc(2026, 10, 25, 1, 15))).toEqual({ ok: true }); // 02:15 CET
    expect(isWithinSchedule(s, utc(2026, 10, 25, 1, 30))).toMatchObject({
      ok: false,
      nextStart: utc(2026, 10, 26, 1),
    });
  });

  it("Berlin fall back: the clock jumping back into the window is found as nextStart", () => {
    const s = { windowStart: 60, windowEnd: 150, timeZone: "Europe/Berlin" };
    expect(isWithinSchedule(s, utc(2026, 10, 25, 0, 45))).toEqual({
      ok: false,
      reason: "outside_window",
      nextStart: utc(2026, 10, 25, 1),
    });
  });

  it("New York spring forward over a weekend (Mon–Fri 09:00–17:00)", () => {
    const s = {
      windowStart: 540,
      windowEnd: 1020,
      weekdays: MON_FRI,
      timeZone: "America/New_York",
    };
    expect(isWithinSchedule(s, utc(2026, 3, 6, 22))).toEqual({
      ok: false,
      reason: "outside_window",
      nextStart: utc(2026, 3, 9, 13),
    });
    expect(isWithinSchedule(s, utc(2026, 3, 9, 13) - 1)).toMatchObject({
      ok: false,
      reason: "outside_window",
    });
    expect(isWithinSchedule(s, utc(2026, 3, 9, 13))).toEqual({ ok: true });
  });

  it("New York fall back over a weekend, and the doubled 01:00 hour", () => {
    const s = {
      windowStart: 540,
      windowEnd: 1020,
      weekdays: MON_FRI,
      timeZone: "America/New_York",
    };
    expect(isWithinSchedule(s, utc(2026, 10, 30, 21))).toEqual({
      ok: false,
      reason: "outside_window",
      nextStart: utc(2026, 11, 2, 14),
    });
    const oneAm = { windowStart: 60, windowEnd: 120, timeZone: "America/New_York" };
    expect(isWithinSchedule(oneAm, utc(2026, 11, 1, 5, 30))).toEqual({ ok: true }); // 01:30 EDT
    expect(isWithinSchedule(oneAm, utc(2026, 11, 1, 6, 30))).toEqual({ ok: true }); // 01:30 EST
    expect(isWithinSchedule(oneAm, utc(2026, 11, 1, 7))).toMatchObject({
      ok: false,
      reason: "outside_window",
    });
  });
});

describe("describeSchedule", () => {
  it("says so when there is no schedule", () => {
    expect(describeSchedule({})).toBe("No schedule: any time");
    expect(describeSchedule({ remoteAccess: false })).toBe(
      "No schedule: any time. Remote access disabled",
    );
    expect(describeSchedule({ remoteAccess: 0 })).toBe(
      "No schedule: any time. Remote access disabled",
    );
    expect(describeSchedule({ remoteAccess: 1 })).toBe("No schedule: any time");
  });

  it("describes days, window, zone and start date", () => {
    const startsAt = utc(2026, 11, 30, 23, 30); // already 1 Dec in Berlin
    expect(describeSchedule({ ...office("Europe/Berlin"), weekdays: MON_FRI, startsAt })).toBe(
      "Mon–Fri, 08:00–18:00 Europe/Berlin, from 1 Dec 2026",
    );
    expect(describeSchedule({ weekdays: 0b1100000 })).toBe("Weekends, all day UTC");
    expect(describeSchedule({ weekdays: 0b10101, windowStart: 1320, windowEnd: 360 })).toBe(
      "Mon, Wed, Fri, 22:00–06:00 UTC",
    );
    expect(describeSchedule({ weekdays: 0b100111 })).toBe("Mon–Wed, Sat, all day UTC");
    expect(describeSchedule({ ...office("UTC"), remoteAccess: false })).toBe(
      "Every day, 08:00–18:00 UTC. Remote access disabled",
    );
    expect(describeSchedule({ startsAt: utc(2026, 12, 1), expiresAt: utc(2026, 12, 31, 12) })).toBe(
      "From 1 Dec 2026, until 31 Dec 2026",
    );
  });

  it("uses the locale's day names when asked", () => {
    const text = describeSchedule({ weekdays: MON_FRI, timeZone: "UTC" }, "de");
    expect(text).toMatch(/^Mo.*–Fr.*, all day UTC$/);
  });
});
