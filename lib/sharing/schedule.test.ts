import { describe, expect, it } from "vitest";
import { accessNow, describeSchedule, localTime, withinSchedule } from "./schedule";

// 2030-01-14 is a Monday.
const monUtc = (h: number, m = 0) => Date.UTC(2030, 0, 14, h, m);
const none = { startsAt: null, weekdays: null, windowStart: null, windowEnd: null, timeZone: null };
const active = { status: "active" as const, expiresAt: null, suspendedAt: null };

describe("schedule", () => {
  it("reads weekday and time in the share's time zone", () => {
    expect(localTime(monUtc(23, 30), "UTC")).toEqual({ weekday: 0, minutes: 23 * 60 + 30 });
    expect(localTime(monUtc(23, 30), "Europe/Paris")).toEqual({ weekday: 1, minutes: 30 }); // Tuesday 00:30
    expect(localTime(monUtc(0, 0), "UTC")).toEqual({ weekday: 0, minutes: 0 });
  });

  it("applies start date, weekdays (bit 0 = Monday) and a half-open daily window", () => {
    expect(withinSchedule(none, monUtc(3))).toBe(true);
    expect(withinSchedule({ ...none, startsAt: monUtc(4) }, monUtc(3))).toBe(false);
    expect(withinSchedule({ ...none, weekdays: 0b1 }, monUtc(12))).toBe(true);
    expect(withinSchedule({ ...none, weekdays: 0b10 }, monUtc(12))).toBe(false);
    const office = { ...none, weekdays: 0b11111, windowStart: 8 * 60, windowEnd: 18 * 60, timeZone: "Europe/Paris" };
    expect(withinSchedule(office, monUtc(7))).toBe(true); // 08:00 Paris
    expect(withinSchedule(office, monUtc(6, 59))).toBe(false);
    expect(withinSchedule(office, monUtc(17))).toBe(false); // 18:00 Paris, window is [start, end)
    expect(describeSchedule(office)).toBe("Mon, Tue, Wed, Thu, Fri, 08:00–18:00 (Europe/Paris)");
    expect(describeSchedule(none)).toBeNull();
  });

  it("allows access only on an active share within its schedule (Rule 8)", () => {
    expect(accessNow({ ...none, ...active }, monUtc(3))).toEqual({ allowed: true });
    expect(accessNow({ ...none, ...active, status: "pending" }, monUtc(3)).allowed).toBe(false);
    expect(accessNow({ ...none, ...active, expiresAt: monUtc(3) }, monUtc(3))).toEqual({ allowed: false, reason: "This share is expired." });
    expect(accessNow({ ...none, ...active, suspendedAt: 1 }, monUtc(3)).allowed).toBe(false);
    expect(accessNow({ ...none, ...active, weekdays: 0b10 }, monUtc(3)).reason).toBe("Outside the scheduled access hours.");
  });
});
