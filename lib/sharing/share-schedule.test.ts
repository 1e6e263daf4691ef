import { describe, expect, it } from "vitest";
import { accessNow, describeShareSchedule, withinSchedule } from "./share-schedule";

// 7 Dec 2026 is a Monday.
const monUtc = (h: number, m = 0) => Date.UTC(2026, 11, 7, h, m);
const none = { startsAt: null, weekdays: null, windowStart: null, windowEnd: null, timeZone: null };
const active = { status: "active" as const, expiresAt: null, suspendedAt: null };

describe("share schedule", () => {
  it("applies start date, weekdays and windows (also across midnight) in the share's zone", () => {
    expect(withinSchedule(none, monUtc(3))).toBe(true);
    expect(withinSchedule({ ...none, startsAt: monUtc(4) }, monUtc(3))).toBe(false);
    expect(withinSchedule({ ...none, weekdays: 0b10 }, monUtc(3))).toBe(false);
    const night = { ...none, windowStart: 22 * 60, windowEnd: 6 * 60, timeZone: "UTC" };
    expect(withinSchedule(night, monUtc(23))).toBe(true);
    expect(withinSchedule(night, monUtc(5, 59))).toBe(true);
    expect(withinSchedule(night, monUtc(6))).toBe(false);
    // 08:00–18:00 in Berlin is 07:00–17:00 UTC in December.
    const berlin = { ...none, windowStart: 480, windowEnd: 1080, timeZone: "Europe/Berlin" };
    expect(withinSchedule(berlin, monUtc(6, 59))).toBe(false);
    expect(withinSchedule(berlin, monUtc(7))).toBe(true);
  });

  it("allows access only on an active share within its schedule (Rule 8), and says why not", () => {
    expect(accessNow({ ...none, ...active }, monUtc(3))).toEqual({ allowed: true });
    expect(accessNow({ ...none, ...active, status: "pending" }, monUtc(3)).allowed).toBe(false);
    expect(accessNow({ ...none, ...active, expiresAt: monUtc(3) }, monUtc(3)).reason).toBe(
      "this share is expired",
    );
    expect(
      accessNow(
        { ...none, ...active, windowStart: 480, windowEnd: 1080, timeZone: "UTC" },
        monUtc(3),
      ).reason,
    ).toBe("outside the schedule until 08:00 UTC");
  });

  it("is described in words, or not at all when unrestricted", () => {
    expect(describeShareSchedule(none)).toBeNull();
    expect(
      describeShareSchedule({
        ...none,
        weekdays: 31,
        windowStart: 480,
        windowEnd: 1080,
        timeZone: "Europe/Paris",
      }),
    ).toBe("Mon–Fri, 08:00–18:00 Europe/Paris");
  });
});
