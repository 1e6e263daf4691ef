import { describe, expect, it } from "vitest";
import { DAY, T0 } from "./test-fixtures";
import {
  maxExpiry,
  parseShareInput,
  safeParseShareInput,
  ShareValidationError,
} from "./validation";

const ok = { recipients: "a@x.com", deviceIds: ["d1"], permissions: "Viewer", expiresAt: T0 + DAY };
const errorsOf = (raw: unknown) => {
  const r = safeParseShareInput(raw, T0);
  if (r.ok) throw new Error("expected a failure");
  return r.fieldErrors;
};

describe("share input: recipients (Rule 4)", () => {
  it("splits on commas, semicolons, whitespace and newlines; trims, lower-cases, de-duplicates", () => {
    const v = parseShareInput(
      { ...ok, recipients: " Ann@X.com, bob@x.com;\n\tcarl@x.com  ann@x.com\r\nBOB@X.COM" },
      T0,
    );
    expect(v.recipients).toEqual(["ann@x.com", "bob@x.com", "carl@x.com"]);
    expect(
      parseShareInput({ ...ok, recipients: ["a@x.com, b@x.com", "A@x.com"] }, T0).recipients,
    ).toEqual(["a@x.com", "b@x.com"]);
  });

  it("names every bad email", () => {
    const e = errorsOf({ ...ok, recipients: "good@x.com, bad@, not-an-email" });
    expect(e.recipients).toEqual([
      '"bad@" is not a valid email address.',
      '"not-an-email" is not a valid email address.',
    ]);
  });

  it("requires at least one and at most 500", () => {
    expect(errorsOf({ ...ok, recipients: " , ; " }).recipients).toEqual([
      "Enter at least one recipient email.",
    ]);
    expect(errorsOf({ ...ok, recipients: undefined }).recipients).toEqual([
      "Enter at least one recipient email.",
    ]);
    const many = Array.from({ length: 501 }, (_, i) => `r${i}@x.com`);
    expect(errorsOf({ ...ok, recipients: many }).recipients?.[0]).toMatch(/at most 500/);
    expect(parseShareInput({ ...ok, recipients: many.slice(0, 500) }, T0).recipients).toHaveLength(
      500,
    );
  });
});

describe("share input: other fields", () => {
  it("reports every invalid field at once, not only the first", () => {
    const e = errorsOf({
      recipients: "nope",
      deviceIds: [],
      permissions: ["view", "fly"],
      expiresAt: T0 - 1,
      description: "x".repeat(501),
      message: "y".repeat(2001),
      schedule: { timeZone: "Mars/Olympus", weekdays: 200, windowStart: -1 },
    });
    expect(Object.keys(e).sort()).toEqual(
      [
        "description",
        "deviceIds",
        "expiresAt",
        "message",
        "permissions",
        "recipients",
        "schedule.timeZone",
        "schedule.weekdays",
        "schedule.windowEnd",
        "schedule.windowStart",
      ].sort(),
    );
    expect(e.permissions).toEqual(['Unknown permission "fly".']);
    expect(e["schedule.timeZone"]).toEqual(['"Mars/Olympus" is not a known time zone.']);
  });

  it("throws a DomainError carrying all field errors", () => {
    try {
      parseShareInput({ ...ok, recipients: "bad", deviceIds: [] }, T0);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ShareValidationError);
      const err = e as ShareValidationError;
      expect(err.field).toBe("recipients");
      expect(err.message).toBe('"bad" is not a valid email address.');
      expect(err.fieldErrors.deviceIds).toEqual(["Select at least one device."]);
    }
  });

  it("de-duplicates device ids and caps them at 10,000", () => {
    expect(parseShareInput({ ...ok, deviceIds: ["a", "b", "a"] }, T0).deviceIds).toEqual([
      "a",
      "b",
    ]);
    expect(parseShareInput({ ...ok, deviceIds: "a" }, T0).deviceIds).toEqual(["a"]);
    const many = Array.from({ length: 10_001 }, (_, i) => `d${i}`);
    expect(errorsOf({ ...ok, deviceIds: many }).deviceIds?.[0]).toMatch(/at most 10,000/);
  });

  it("accepts permissions as a preset name, CSV or a list, normalized", () => {
    expect(parseShareInput({ ...ok, permissions: "manager" }, T0).permissions).toEqual([
      "view",
      "operate",
      "configure",
      "scripts",
      "remote",
    ]);
    expect(parseShareInput({ ...ok, permissions: "operate,scripts" }, T0).permissions).toEqual([
      "view",
      "operate",
      "scripts",
    ]);
    expect(parseShareInput({ ...ok, permissions: ["remote"] }, T0).permissions).toEqual([
      "view",
      "remote",
    ]);
    expect(errorsOf({ ...ok, permissions: undefined }).permissions).toEqual([
      "Choose the permissions.",
    ]);
    expect(errorsOf({ ...ok, permissions: [] }).permissions).toEqual(["Choose the permissions."]);
  });

  it("expiry: permanent, in the future, at most 5 years", () => {
    expect(parseShareInput({ ...ok, expiresAt: null }, T0).expiresAt).toBeNull();
    expect(parseShareInput({ ...ok, expiresAt: "never" }, T0).expiresAt).toBeNull();
    expect(parseShareInput({ ...ok, expiresAt: String(T0 + 1) }, T0).expiresAt).toBe(T0 + 1);
    expect(
      parseShareInput({ ...ok, expiresAt: new Date(T0 + DAY).toISOString() }, T0).expiresAt,
    ).toBe(T0 + DAY);
    expect(errorsOf({ ...ok, expiresAt: T0 }).expiresAt).toEqual([
      "The expiry must be in the future.",
    ]);
    expect(errorsOf({ ...ok, expiresAt: undefined }).expiresAt?.[0]).toMatch(
      /Choose when access expires/,
    );
    expect(errorsOf({ ...ok, expiresAt: "soon" }).expiresAt?.[0]).toMatch(
      /Choose when access expires/,
    );
    expect(parseShareInput({ ...ok, expiresAt: maxExpiry(T0) }, T0).expiresAt).toBe(maxExpiry(T0));
    expect(errorsOf({ ...ok, expiresAt: maxExpiry(T0) + 1 }).expiresAt).toEqual([
      "The expiry can be at most 5 years from now.",
    ]);
  });

  it("booleans from forms; defaults for the optional fields", () => {
    const v = parseShareInput(ok, T0);
    expect(v).toMatchObject({
      notify: false,
      skipConflicts: false,
      description: "",
      message: "",
      schedule: null,
    });
    expect(v.services).toBeUndefined();
    expect(parseShareInput({ ...ok, notify: "on", skipConflicts: "true" }, T0)).toMatchObject({
      notify: true,
      skipConflicts: true,
    });
    expect(parseShareInput({ ...ok, notify: true, description: "  Site A  " }, T0)).toMatchObject({
      notify: true,
      description: "Site A",
    });
  });

  it("services: per device, a non-empty list or all; only for selected devices", () => {
    expect(parseShareInput({ ...ok, services: { d1: ["s1"] } }, T0).services).toEqual({
      d1: ["s1"],
    });
    expect(
      parseShareInput({ ...ok, services: JSON.stringify({ d1: "all" }) }, T0).services,
    ).toEqual({ d1: "all" });
    expect(errorsOf({ ...ok, services: { d1: [] } }).services?.[0]).toMatch(/at least one service/);
    expect(errorsOf({ ...ok, services: { other: "all" } }).services?.[0]).toMatch(/not selected/);
  });

  it("schedule: weekdays bitmask, daily window, IANA time zone", () => {
    const v = parseShareInput(
      {
        ...ok,
        schedule: {
          startsAt: T0 + 1,
          weekdays: 31,
          windowStart: 480,
          windowEnd: "1080",
          timeZone: "europe/paris",
        },
      },
      T0,
    );
    expect(v.schedule).toEqual({
      startsAt: T0 + 1,
      weekdays: 31,
      windowStart: 480,
      windowEnd: 1080,
      timeZone: "Europe/Paris",
      remoteAccess: true,
    });
    expect(
      parseShareInput({ ...ok, schedule: { remoteAccess: "false" } }, T0).schedule,
    ).toMatchObject({ timeZone: "UTC", remoteAccess: false });
    expect(errorsOf({ ...ok, schedule: { weekdays: 0 } })["schedule.weekdays"]).toEqual([
      "Choose at least one weekday.",
    ]);
    expect(errorsOf({ ...ok, schedule: { windowStart: 600 } })["schedule.windowEnd"]?.[0]).toMatch(
      /both/,
    );
    expect(
      errorsOf({ ...ok, schedule: { windowStart: 600, windowEnd: 600 } })[
        "schedule.windowEnd"
      ]?.[0],
    ).toMatch(/same time/);
    // A window that ends before it starts runs across midnight.
    expect(
      parseShareInput({ ...ok, schedule: { windowStart: 1320, windowEnd: 360 } }, T0).schedule,
    ).toMatchObject({ windowStart: 1320, windowEnd: 360 });
    expect(
      errorsOf({ ...ok, schedule: { windowStart: 0, windowEnd: 1441 } })["schedule.windowEnd"]?.[0],
    ).toMatch(/time of day/);
    expect(errorsOf({ ...ok, schedule: { startsAt: T0 + 2 * DAY } })["schedule.startsAt"]).toEqual([
      "The start must be before the expiry.",
    ]);
  });

  it("rejects a non-object with a form error", () => {
    const r = safeParseShareInput("nope", T0);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.formErrors.length).toBe(1);
  });
});
