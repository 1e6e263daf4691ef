import { transaction } from "@/db/engine";
import { beforeEach, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { shares } from "@/db/schema";
import { accessForDevice, checkAccess, type Operation } from "./check";
import { T0, createFixture, type Fixture } from "./test-fixtures";
import { HOUR } from "@/lib/platform/time";

let f: Fixture;
let owner: string, alice: string, bob: string, gateway: string;

beforeEach(async () => {
  f = await createFixture();
  owner = await f.user("Owner");
  alice = await f.user("Alice");
  bob = await f.user("Bob");
  gateway = await f.device(owner, "Gateway");
});

const check = (
  userId: string,
  operation: Operation = "view",
  extra: { serviceId?: string; now?: number } = {},
) =>
  checkAccess(f.db, {
    userId,
    deviceId: gateway,
    operation,
    now: extra.now ?? T0,
    serviceId: extra.serviceId,
  });

describe("owner and strangers", () => {
  it("lets the owner do everything with all services", async () => {
    for (const op of ["view", "operate", "configure", "scripts", "remote"] as const) {
      expect(await check(owner, op)).toEqual({
        allowed: true,
        reason: "owner",
        permissions: ["view", "operate", "configure", "scripts", "remote"],
        serviceIds: null,
      });
    }
    expect(await check(owner, "view", { serviceId: await f.service(gateway) })).toMatchObject({
      allowed: true,
    });
  });

  it("refuses a service id of another device, even to the owner", async () => {
    const other = await f.service(await f.device(owner, "Other"));
    expect(await check(owner, "view", { serviceId: other })).toEqual({
      allowed: false,
      reason: "service_not_shared",
    });
  });

  it("says not_shared (and nothing else) to strangers and for unknown devices", async () => {
    await f.share(owner, alice, [gateway]);
    expect(await check(bob)).toEqual({ allowed: false, reason: "not_shared" });
    expect(
      await checkAccess(f.db, { userId: alice, deviceId: "nope", operation: "view", now: T0 }),
    ).toEqual({ allowed: false, reason: "not_shared" });
  });
});

describe("share lifecycle", () => {
  it("allows an active share with its permissions", async () => {
    const shareId = await f.share(owner, alice, [gateway], { permissions: "view,operate" });
    expect(await check(alice, "operate")).toEqual({
      allowed: true,
      reason: "shared",
      shareId,
      permissions: ["view", "operate"],
      serviceIds: null,
    });
  });

  it("never grants access through a pending share, bound or not", async () => {
    await f.share(owner, null, [gateway], { status: "pending" });
    await f.share(owner, alice, [gateway], { status: "pending" });
    expect(await check(alice)).toEqual({ allowed: false, reason: "not_shared" });
  });

  it("treats declined and left shares as not shared", async () => {
    await f.share(owner, alice, [gateway], { status: "declined" });
    await f.share(owner, bob, [gateway], { status: "left" });
    expect(await check(alice)).toEqual({ allowed: false, reason: "not_shared" });
    expect(await check(bob)).toEqual({ allowed: false, reason: "not_shared" });
  });

  it("reports cancelled shares", async () => {
    const shareId = await f.share(owner, alice, [gateway], {
      status: "cancelled",
      endedAt: T0 - HOUR,
    });
    expect(await check(alice)).toEqual({ allowed: false, reason: "cancelled", shareId });
  });

  it("expires at the exact millisecond", async () => {
    const shareId = await f.share(owner, alice, [gateway], { expiresAt: T0 });
    expect(await check(alice, "view", { now: T0 - 1 })).toMatchObject({ allowed: true });
    expect(await check(alice, "view", { now: T0 })).toEqual({
      allowed: false,
      reason: "expired",
      shareId,
    });
  });

  it("denies suspended shares", async () => {
    const shareId = await f.share(owner, alice, [gateway], { suspendedAt: T0 - HOUR });
    expect(await check(alice)).toEqual({ allowed: false, reason: "suspended", shareId });
    await transaction(f.db, async (tx) =>
      tx.update(shares).set({ suspendedAt: null }).where(eq(shares.id, shareId)),
    );
    expect(await check(alice)).toMatchObject({ allowed: true });
  });

  it("drops a removed device while the rest of the share keeps working", async () => {
    const sensor = await f.device(owner, "Sensor");
    const shareId = await f.share(owner, alice, [sensor]);
    await f.item(shareId, gateway, { removedAt: T0 - HOUR });
    expect(await check(alice)).toEqual({ allowed: false, reason: "not_shared" });
    expect(
      await checkAccess(f.db, { userId: alice, deviceId: sensor, operation: "view", now: T0 }),
    ).toMatchObject({ allowed: true });
  });
});

describe("permissions, remote access and services", () => {
  it("denies operations that were not granted", async () => {
    const shareId = await f.share(owner, alice, [gateway], { permissions: "view" });
    expect(await check(alice, "configure")).toEqual({
      allowed: false,
      reason: "permission_not_granted",
      shareId,
    });
    expect(await check(alice, "scripts")).toMatchObject({ reason: "permission_not_granted" });
  });

  it("needs both the remote permission and remote access enabled", async () => {
    const shareId = await f.share(owner, alice, [gateway], { remoteAccess: false });
    expect(await check(alice, "remote")).toEqual({
      allowed: false,
      reason: "remote_disabled",
      shareId,
    });
    expect(await check(alice, "operate")).toMatchObject({ allowed: true });
    await f.share(owner, bob, [gateway], { permissions: "view", remoteAccess: false });
    expect(await check(bob, "remote")).toMatchObject({ reason: "permission_not_granted" });
  });

  it("limits a service subset to its services", async () => {
    const ssh = await f.service(gateway, "SSH");
    const http = await f.service(gateway, "HTTP");
    const shareId = await f.share(owner, alice, [gateway], { serviceIds: [ssh] });
    expect(await check(alice, "operate", { serviceId: ssh })).toMatchObject({
      allowed: true,
      serviceIds: [ssh],
    });
    expect(await check(alice, "operate", { serviceId: http })).toEqual({
      allowed: false,
      reason: "service_not_shared",
      shareId,
    });
    expect(await check(alice, "view")).toMatchObject({ allowed: true, serviceIds: [ssh] });
  });

  it("allows every service of the device when serviceIds is null, but no foreign one", async () => {
    const ssh = await f.service(gateway);
    const foreign = await f.service(await f.device(bob, "Bob's"));
    await f.share(owner, alice, [gateway]);
    expect(await check(alice, "operate", { serviceId: ssh })).toMatchObject({
      allowed: true,
      serviceIds: null,
    });
    expect(await check(alice, "operate", { serviceId: foreign })).toMatchObject({
      allowed: false,
      reason: "service_not_shared",
    });
  });

  it("grants no service when the stored subset is unreadable (fail closed)", async () => {
    const ssh = await f.service(gateway);
    const shareId = await f.share(owner, alice, []);
    await transaction(f.db, async (tx) => {
      await tx.execute(
        sql`INSERT INTO share_items
          (id, share_id, device_id, sharer_id, recipient_email, service_ids, live, added_at)
          SELECT 'bad', ${shareId}, ${gateway}, ${owner}, email, 'not json', 1, 0 FROM users WHERE id = ${alice}`,
      );
    });
    expect(await check(alice, "operate", { serviceId: ssh })).toMatchObject({
      allowed: false,
      reason: "service_not_shared",
    });
  });
});

describe("schedule", () => {
  // T0 is Monday 7 Dec 2026, 12:00 UTC = 13:00 in Berlin.
  const berlinOffice = { windowStart: 480, windowEnd: 1080, timeZone: "Europe/Berlin" };

  it("denies before the start date and says when it starts", async () => {
    const startsAt = T0 + 24 * HOUR;
    const shareId = await f.share(owner, alice, [gateway], { startsAt });
    expect(await check(alice)).toEqual({
      allowed: false,
      reason: "not_started",
      shareId,
      until: startsAt,
      timeZone: "UTC",
    });
    expect(await check(alice, "view", { now: startsAt })).toMatchObject({ allowed: true });
  });

  it("applies the window in the share's zone, start inclusive and end exclusive", async () => {
    const shareId = await f.share(owner, alice, [gateway], berlinOffice);
    const opens = Date.UTC(2026, 11, 7, 7); // 08:00 Berlin
    const closes = Date.UTC(2026, 11, 7, 17); // 18:00 Berlin
    expect(await check(alice, "view", { now: opens })).toMatchObject({ allowed: true });
    expect(await check(alice, "view", { now: opens - 1 })).toEqual({
      allowed: false,
      reason: "outside_window",
      shareId,
      until: opens,
      timeZone: "Europe/Berlin",
    });
    expect(await check(alice, "view", { now: closes - 1 })).toMatchObject({ allowed: true });
    expect(await check(alice, "view", { now: closes })).toMatchObject({
      reason: "outside_window",
      until: opens + 24 * HOUR,
    });
  });

  it("reports days outside the weekdays as outside_window", async () => {
    await f.share(owner, alice, [gateway], { weekdays: 0b1100000 }); // weekends only
    expect(await check(alice)).toMatchObject({
      allowed: false,
      reason: "outside_window",
      until: Date.UTC(2026, 11, 12),
    });
  });

  it("promises no reopening after the share expires", async () => {
    const shareId = await f.share(owner, alice, [gateway], {
      ...berlinOffice,
      expiresAt: Date.UTC(2026, 11, 7, 18),
    });
    expect(await check(alice, "view", { now: Date.UTC(2026, 11, 7, 17) })).toEqual({
      allowed: false,
      reason: "outside_window",
      shareId,
      timeZone: "Europe/Berlin",
    });
  });

  it("allows a night window after midnight only for the day it started", async () => {
    await f.share(owner, alice, [gateway], { weekdays: 0b1, windowStart: 1320, windowEnd: 360 }); // Mon 22:00–06:00 UTC
    expect(await check(alice, "view", { now: Date.UTC(2026, 11, 8, 3) })).toMatchObject({
      allowed: true,
    }); // Tue 03:00
    expect(await check(alice, "view", { now: Date.UTC(2026, 11, 7, 3) })).toMatchObject({
      reason: "outside_window",
    }); // Mon 03:00
  });

  it("puts ungranted permissions before the schedule", async () => {
    await f.share(owner, alice, [gateway], { ...berlinOffice, permissions: "view" });
    const night = Date.UTC(2026, 11, 7, 22);
    expect(await check(alice, "configure", { now: night })).toMatchObject({
      reason: "permission_not_granted",
    });
    expect(await check(alice, "view", { now: night })).toMatchObject({ reason: "outside_window" });
  });
});

describe("several shares for the same device", () => {
  // One live item per device, sharer and recipient is a unique index, so several live
  // shares of one device come from different sharers (e.g. before and after a hand-over).
  const sharer = () => f.user("Sharer");

  it("an active in-schedule share wins over ended ones", async () => {
    await f.share(owner, alice, [gateway], { status: "cancelled" });
    const current = await f.share(owner, alice, [gateway], { permissions: "view" });
    expect(await check(alice)).toMatchObject({ allowed: true, shareId: current });
  });

  it("reports the most informative denial", async () => {
    await f.share(await sharer(), alice, [gateway], { status: "pending" });
    const cancelled = await f.share(await sharer(), alice, [gateway], { status: "cancelled" });
    expect(await check(alice)).toMatchObject({ reason: "cancelled", shareId: cancelled });
    const expired = await f.share(await sharer(), alice, [gateway], { expiresAt: T0 - HOUR });
    expect(await check(alice)).toMatchObject({ reason: "expired", shareId: expired });
    const suspended = await f.share(await sharer(), alice, [gateway], { suspendedAt: T0 - HOUR });
    expect(await check(alice)).toMatchObject({ reason: "suspended", shareId: suspended });
    await f.share(await sharer(), alice, [gateway], { permissions: "operate" });
    expect(await check(alice)).toMatchObject({ reason: "permission_not_granted" });
    await f.share(await sharer(), alice, [gateway], { startsAt: T0 + 48 * HOUR });
    const sooner = await f.share(await sharer(), alice, [gateway], { startsAt: T0 + 24 * HOUR });
    expect(await check(alice)).toMatchObject({
      reason: "not_started",
      shareId: sooner,
      until: T0 + 24 * HOUR,
    });
  });

  it("prefers the allowed share granting the most", async () => {
    await f.share(await sharer(), alice, [gateway], { permissions: "view" });
    const wide = await f.share(owner, alice, [gateway], { permissions: "view,operate,configure" });
    expect(await check(alice)).toMatchObject({
      allowed: true,
      shareId: wide,
      permissions: ["view", "operate", "configure"],
    });
  });

  it("never lends one recipient's share to another", async () => {
    await f.share(owner, alice, [gateway]);
    await f.share(owner, bob, [gateway], { status: "cancelled" });
    expect(await check(bob)).toMatchObject({ allowed: false, reason: "cancelled" });
  });
});

describe("accessForDevice", () => {
  it("answers all five operations at once", async () => {
    const shareId = await f.share(owner, alice, [gateway], {
      permissions: "view,operate,remote",
      remoteAccess: false,
    });
    const result = await accessForDevice(f.db, { userId: alice, deviceId: gateway, now: T0 });
    expect(result.view).toMatchObject({ allowed: true, shareId });
    expect(result.operate).toMatchObject({ allowed: true });
    expect(result.configure).toEqual({ allowed: false, reason: "permission_not_granted", shareId });
    expect(result.scripts).toMatchObject({ reason: "permission_not_granted" });
    expect(result.remote).toEqual({ allowed: false, reason: "remote_disabled", shareId });
    expect(
      Object.values(
        await accessForDevice(f.db, { userId: owner, deviceId: gateway, now: T0 }),
      ).every((r) => r.allowed),
    ).toBe(true);
    expect((await accessForDevice(f.db, { userId: bob, deviceId: gateway, now: T0 })).view).toEqual(
      {
        allowed: false,
        reason: "not_shared",
      },
    );
  });
});
