import { describe, expect, it, vi } from "vitest";
import {
  DEFAULT_REMINDER_OFFSETS,
  expiringSoonWindow,
  parseReminderOffsets,
  reminderOffsets,
} from "./offsets";
import { HOUR } from "@/lib/platform/time";

const H = HOUR;

describe("REMINDER_OFFSETS", () => {
  it("defaults to 3 days and 1 day", () => {
    expect(reminderOffsets({})).toEqual([72 * H, 24 * H]);
    expect(DEFAULT_REMINDER_OFFSETS).toEqual([72 * H, 24 * H]);
  });

  it("parses minutes, hours and days, de-duplicated, largest first", () => {
    expect(parseReminderOffsets("24h, 72h")).toEqual([72 * H, 24 * H]);
    expect(parseReminderOffsets("7d 1d 90m 1.5h 24h")).toEqual([168 * H, 24 * H, 1.5 * H]);
    expect(reminderOffsets({ REMINDER_OFFSETS: "2d" })).toEqual([48 * H]);
  });

  it("refuses nonsense but never stops the server", () => {
    for (const bad of ["72", "-1h", "0h", "3w", "400d", ","])
      expect(() => parseReminderOffsets(bad)).toThrow();
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(reminderOffsets({ REMINDER_OFFSETS: "soon" })).toEqual([72 * H, 24 * H]);
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });

  it("can be switched off", () => {
    expect(reminderOffsets({ REMINDER_OFFSETS: "off" })).toEqual([]);
    expect(expiringSoonWindow([])).toBe(72 * H);
    expect(expiringSoonWindow([H, 5 * H])).toBe(5 * H);
  });
});
