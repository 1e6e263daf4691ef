import { describe, expect, it } from "vitest";
import {
  expiryError,
  NO_POLICY,
  orList,
  policyErrors,
  recipientAllowed,
  splitDomains,
  type SharingPolicy,
} from "./policy";
import { DAY } from "@/lib/platform/time";

const NOW = Date.UTC(2030, 0, 15, 12);
const strict: SharingPolicy = {
  defaultExpiry: "7d",
  maxExpiryDays: 30,
  allowedDomains: ["example.com", "example.org"],
};

describe("sharing policy checks", () => {
  it("no policy allows everything", () => {
    expect(
      policyErrors(NO_POLICY, { recipients: ["a@anything.io"], expiresAt: null, now: NOW }),
    ).toBeNull();
  });

  it("allow-listed domains, matched exactly and case-insensitively", () => {
    expect(recipientAllowed(strict, "Ana@Example.COM")).toBe(true);
    expect(recipientAllowed(strict, "ben@sub.example.com")).toBe(false);
    expect(recipientAllowed(strict, "eve@example.com.evil.io")).toBe(false);
    expect(
      policyErrors(strict, {
        recipients: ["ana@example.com", "eve@evil.io"],
        expiresAt: NOW + DAY,
        now: NOW,
      }),
    ).toEqual({
      recipients: [
        "Recipients must have an email at example.com or example.org",
        "Not allowed: eve@evil.io.",
      ],
    });
  });

  it("the maximum expiry refuses longer and permanent shares", () => {
    expect(expiryError(strict, NOW + 30 * DAY, NOW)).toBeNull();
    expect(expiryError(strict, NOW + 30 * DAY + 1, NOW)).toBe(
      "This share may last at most 30 days",
    );
    expect(expiryError(strict, null, NOW)).toBe("This share may last at most 30 days");
    expect(expiryError({ maxExpiryDays: 1 }, NOW + 2 * DAY, NOW)).toBe(
      "This share may last at most 1 day",
    );
    expect(policyErrors(strict, { recipients: ["x@y.io"], expiresAt: null, now: NOW })).toEqual({
      recipients: expect.any(Array),
      expiresAt: ["This share may last at most 30 days"],
    });
  });

  it("reads and words domain lists", () => {
    expect(splitDomains(" @Example.com, example.org;example.com\nfoo.net ")).toEqual([
      "example.com",
      "example.org",
      "foo.net",
    ]);
    expect(orList(["a"])).toBe("a");
    expect(orList(["a", "b", "c"])).toBe("a, b or c");
  });
});
