import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { DomainError } from "@/lib/platform/errors";
import { acceptShare } from "@/lib/sharing/lifecycle";
import { extendShare } from "@/lib/sharing/manage-share";
import { shareDevices } from "@/lib/sharing/share-devices";
import {
  DAY,
  makeDevice,
  makeUser,
  shareRequest,
  sharingCounts,
  T0,
  testDb,
} from "@/lib/sharing/test-fixtures";
import { ShareValidationError } from "@/lib/sharing/validation";
import { enforceExtensionPolicy, enforceSharePolicy } from "./enforce";
import { getSharingPolicy, policyFormSchema, saveSharingPolicy } from "./store";

let db: Db;
let ownerId: string;
let deviceId: string;

beforeEach(async () => {
  db = await testDb();
  ownerId = (await makeUser(db, { email: "olga@example.com" })).id;
  deviceId = (await makeDevice(db, { ownerId })).id;
});

const save = (raw: Record<string, unknown>) =>
  saveSharingPolicy(db, ownerId, policyFormSchema.parse(raw), T0);
async function refusal(fn: () => unknown): Promise<ShareValidationError | DomainError> {
  try {
    await fn();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error("expected a refusal");
}

describe("storing policies", () => {
  it("an owner without a row has no restrictions; saving upserts", async () => {
    expect(await getSharingPolicy(db, ownerId)).toEqual({
      defaultExpiry: "7d",
      maxExpiryDays: null,
      allowedDomains: [],
    });
    await save({
      defaultExpiry: "1d",
      maxExpiryDays: "30",
      allowedDomains: "Example.com, @example.org",
    });
    expect(await getSharingPolicy(db, ownerId)).toEqual({
      defaultExpiry: "1d",
      maxExpiryDays: 30,
      allowedDomains: ["example.com", "example.org"],
    });
    await save({ defaultExpiry: "never", maxExpiryDays: "", allowedDomains: "" });
    expect(await getSharingPolicy(db, ownerId)).toEqual({
      defaultExpiry: "never",
      maxExpiryDays: null,
      allowedDomains: [],
    });
  });

  it("validates the form field by field", () => {
    const r = policyFormSchema.safeParse({
      defaultExpiry: "30d",
      maxExpiryDays: "7",
      allowedDomains: "example.com, not a domain!",
    });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(messages).toContain('allowedDomains: "not" is not a valid domain.');
    const tooLong = policyFormSchema.safeParse({
      defaultExpiry: "30d",
      maxExpiryDays: "7",
      allowedDomains: "example.com",
    });
    expect(tooLong.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([
      "defaultExpiry: The default expiry cannot be longer than the maximum expiry.",
    ]);
    expect(
      policyFormSchema.safeParse({
        defaultExpiry: "never",
        maxExpiryDays: "10",
        allowedDomains: "",
      }).success,
    ).toBe(false);
    expect(
      policyFormSchema.safeParse({ defaultExpiry: "7d", maxExpiryDays: "0", allowedDomains: "" })
        .success,
    ).toBe(false);
    expect(
      policyFormSchema.safeParse({ defaultExpiry: "7d", maxExpiryDays: "2.5", allowedDomains: "" })
        .success,
    ).toBe(false);
  });
});

describe("enforcing policies on the share path", () => {
  const input = (over: Record<string, unknown>) =>
    shareRequest({ recipients: "ana@example.com", deviceIds: [deviceId], ...over });

  it("refuses recipients outside the allowed domains, with field messages, writing nothing", async () => {
    await save({
      defaultExpiry: "7d",
      maxExpiryDays: "",
      allowedDomains: "example.com example.org",
    });
    const before = await sharingCounts(db);
    const e = (await refusal(() =>
      enforceSharePolicy(db, ownerId, input({ recipients: "ana@example.com, eve@evil.io" }), T0),
    )) as ShareValidationError;
    expect(e).toBeInstanceOf(ShareValidationError);
    expect(e.fieldErrors.recipients[0]).toBe(
      "Recipients must have an email at example.com or example.org",
    );
    expect(e.formErrors[0]).toMatch(/Nothing was shared/);
    expect(await sharingCounts(db)).toEqual(before);
    await expect(
      enforceSharePolicy(
        db,
        ownerId,
        input({ recipients: "ana@example.com, ben@EXAMPLE.org" }),
        T0,
      ),
    ).resolves.toBeUndefined();
  });

  it("refuses expiries beyond the maximum and permanent shares", async () => {
    await save({ defaultExpiry: "7d", maxExpiryDays: "30", allowedDomains: "" });
    const e = (await refusal(() =>
      enforceSharePolicy(db, ownerId, input({ expiresAt: T0 + 31 * DAY }), T0),
    )) as ShareValidationError;
    expect(e.fieldErrors).toEqual({ expiresAt: ["This share may last at most 30 days"] });
    expect(
      await refusal(() => enforceSharePolicy(db, ownerId, input({ expiresAt: null }), T0)),
    ).toBeInstanceOf(ShareValidationError);
    await expect(
      enforceSharePolicy(db, ownerId, input({ expiresAt: T0 + 30 * DAY }), T0),
    ).resolves.toBeUndefined();
  });

  it("leaves malformed input to the share's own validation", async () => {
    await save({ defaultExpiry: "7d", maxExpiryDays: "30", allowedDomains: "example.com" });
    await expect(
      enforceSharePolicy(db, ownerId, input({ recipients: "not-an-email" }), T0),
    ).resolves.toBeUndefined();
  });

  it("refuses extensions beyond the maximum, measured from now", async () => {
    const bob = await makeUser(db, { email: "bob@example.com" });
    const id = (
      await shareDevices(db, {
        sharerId: ownerId,
        now: T0,
        input: input({ recipients: bob.email, expiresAt: T0 + 20 * DAY }),
      })
    ).shares[0].shareId;
    await acceptShare(db, { shareId: id, user: bob, now: T0 });
    await save({ defaultExpiry: "7d", maxExpiryDays: "30", allowedDomains: "" });
    const to = (
      await extendShare(db, {
        shareId: id,
        sharerId: ownerId,
        extendBy: 10 * DAY,
        now: T0 + DAY,
      })
    ).to;
    await expect(enforceExtensionPolicy(db, ownerId, to, T0 + DAY)).resolves.toBeUndefined();
    const e = await refusal(() => enforceExtensionPolicy(db, ownerId, T0 + 40 * DAY, T0 + DAY));
    expect(e).toBeInstanceOf(DomainError);
    expect(e).toMatchObject({ message: "This share may last at most 30 days", field: "expiresAt" });
  });
});
