import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { transaction, type Db } from "@/db/client";
import { shareEvents, shareItems, shares, type Device, type User } from "@/db/schema";
import { DomainError, NotFoundError } from "@/lib/platform/errors";
import { ShareConflictError } from "./share-store";
import { acceptShare, declineShare, leaveShare } from "./lifecycle";
import {
  addDevices,
  cancelDevices,
  cancelShare,
  extendShare,
  recordExpiredEvents,
} from "./manage-share";
import { shareDevices } from "./share-devices";
import { getShareForRecipient } from "./share-details";
import {
  DAY,
  HOUR,
  makeDevice,
  makeUser,
  shareRequest,
  sharingCounts,
  T0,
  testDb,
} from "./test-fixtures";
import { maxExpiry } from "./validation";

let db: Db;
let alice: User, bob: User;
let d1: Device, d2: Device, d3: Device;

beforeEach(async () => {
  db = await testDb();
  alice = await makeUser(db, { email: "alice@example.com", name: "Alice" });
  bob = await makeUser(db, { email: "bob@example.com", name: "Bob" });
  d1 = await makeDevice(db, { ownerId: alice.id, name: "Gateway 1" });
  d2 = await makeDevice(db, { ownerId: alice.id, name: "Gateway 2" });
  d3 = await makeDevice(db, { ownerId: alice.id, name: "Lock 3" });
});

async function shareWith(over: Partial<Parameters<typeof shareRequest>[0]> = {}, now = T0) {
  return (
    await shareDevices(db, {
      sharerId: alice.id,
      now,
      input: shareRequest({ recipients: "bob@example.com", deviceIds: [d1.id, d2.id], ...over }),
    })
  ).shares[0].shareId;
}
const row = async (id: string) => (await db.select().from(shares).where(eq(shares.id, id)))[0]!;
const items = async (id: string) =>
  await db.select().from(shareItems).where(eq(shareItems.shareId, id));
const eventsOf = async (id: string) =>
  await db
    .select()
    .from(shareEvents)
    .where(eq(shareEvents.shareId, id))
    .orderBy(shareEvents.createdAt);
async function refused(fn: () => unknown): Promise<DomainError> {
  const before = JSON.stringify([
    await db.select().from(shares),
    await db.select().from(shareItems),
    sharingCounts(db),
  ]);
  try {
    await fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect(
      JSON.stringify([
        await db.select().from(shares),
        await db.select().from(shareItems),
        sharingCounts(db),
      ]),
    ).toBe(before);
    return e as DomainError;
  }
  throw new Error("expected a refusal");
}

describe("Rule 5: extend expiration", () => {
  it("extends from the current expiry, not from now", async () => {
    const id = await shareWith({ expiresAt: T0 + 7 * DAY });
    expect(
      await extendShare(db, { shareId: id, sharerId: alice.id, extendBy: 2 * DAY, now: T0 + DAY }),
    ).toEqual({ from: T0 + 7 * DAY, to: T0 + 9 * DAY });
    expect((await row(id)).expiresAt).toBe(T0 + 9 * DAY);
    const ev = (await eventsOf(id)).at(-1)!;
    expect(ev).toMatchObject({ type: "extended", actorId: alice.id, createdAt: T0 + DAY });
    expect(JSON.parse(ev.data!)).toEqual({ from: T0 + 7 * DAY, to: T0 + 9 * DAY });
  });

  it("accepts an absolute date, which must be after the current expiry", async () => {
    const id = await shareWith({ expiresAt: T0 + 7 * DAY });
    expect(
      (
        await refused(() =>
          extendShare(db, { shareId: id, sharerId: alice.id, newExpiresAt: T0 + 7 * DAY, now: T0 }),
        )
      ).message,
    ).toBe("The new expiry must be after the current expiry.");
    expect(
      (
        await extendShare(db, {
          shareId: id,
          sharerId: alice.id,
          newExpiresAt: T0 + 8 * DAY,
          now: T0,
        })
      ).to,
    ).toBe(T0 + 8 * DAY);
    expect(
      (await refused(() => extendShare(db, { shareId: id, sharerId: alice.id, now: T0 }))).field,
    ).toBe("expiresAt");
    expect(
      (
        await refused(() =>
          extendShare(db, { shareId: id, sharerId: alice.id, extendBy: -1, now: T0 }),
        )
      ).message,
    ).toMatch(/positive/);
    expect(
      (
        await refused(() =>
          extendShare(db, {
            shareId: id,
            sharerId: alice.id,
            newExpiresAt: maxExpiry(T0) + 1,
            now: T0,
          }),
        )
      ).message,
    ).toMatch(/at most 5 years/);
  });

  it("extends an expired share from now, reviving it with its devices and recording the expiry", async () => {
    const id = await shareWith({ expiresAt: T0 + HOUR });
    await acceptShare(db, { shareId: id, user: bob, now: T0 + 1 });
    // Another share run after expiry clears the old items' live flag.
    await shareDevices(db, {
      sharerId: alice.id,
      now: T0 + 2 * HOUR,
      input: shareRequest({ recipients: "bob@example.com", deviceIds: [d3.id] }),
    });
    expect((await items(id)).map((i) => i.live)).toEqual([null, null]);
    const r = await extendShare(db, {
      shareId: id,
      sharerId: alice.id,
      extendBy: DAY,
      now: T0 + 3 * HOUR,
    });
    expect(r).toEqual({ from: T0 + HOUR, to: T0 + 3 * HOUR + DAY });
    expect(await row(id)).toMatchObject({
      status: "active",
      expiresAt: T0 + 3 * HOUR + DAY,
      permissions: "view",
    });
    expect((await items(id)).map((i) => i.live)).toEqual([1, 1]);
    expect((await eventsOf(id)).map((e) => [e.type, e.createdAt])).toEqual([
      ["shared", T0],
      ["accepted", T0 + 1],
      ["expired", T0 + HOUR],
      ["extended", T0 + 3 * HOUR],
    ]);
    // A date in the past of now is refused for an expired share.
    const id2 = await shareWith({ expiresAt: T0 + HOUR, recipients: "carl@example.com" });
    expect(
      (
        await refused(() =>
          extendShare(db, {
            shareId: id2,
            sharerId: alice.id,
            newExpiresAt: T0 + 2 * HOUR,
            now: T0 + 2 * HOUR,
          }),
        )
      ).message,
    ).toBe("The new expiry must be in the future.");
  });

  it("refuses to revive an expired share whose device is now in a newer live share", async () => {
    const old = await shareWith({ expiresAt: T0 + HOUR });
    const newer = await shareWith({ deviceIds: [d2.id] }, T0 + 2 * HOUR);
    const e = await refused(() =>
      extendShare(db, { shareId: old, sharerId: alice.id, extendBy: DAY, now: T0 + 3 * HOUR }),
    );
    expect(e).toBeInstanceOf(ShareConflictError);
    expect(e.message).toContain('"Gateway 2"');
    expect(e.message).toContain(newer);
  });

  it("a permanent share cannot be extended", async () => {
    const id = await shareWith({ expiresAt: null });
    expect(
      (
        await refused(() =>
          extendShare(db, { shareId: id, sharerId: alice.id, extendBy: DAY, now: T0 }),
        )
      ).message,
    ).toBe("This share is permanent: there is no expiry to extend.");
  });

  it("cancelled, declined and left shares cannot be extended", async () => {
    const c = await shareWith();
    await cancelShare(db, { shareId: c, sharerId: alice.id, now: T0 + 1 });
    const d = await shareWith({ recipients: "dee@example.com" });
    await declineShare(db, {
      shareId: d,
      user: await makeUser(db, { email: "dee@example.com" }),
      now: T0 + 1,
    });
    const l = await shareWith({ recipients: "lee@example.com" });
    const lee = await makeUser(db, { email: "lee@example.com" });
    await acceptShare(db, { shareId: l, user: lee, now: T0 + 1 });
    await leaveShare(db, { shareId: l, user: lee, now: T0 + 2 });
    for (const [id, word] of [
      [c, "cancelled"],
      [d, "declined"],
      [l, "left"],
    ]) {
      expect(
        (
          await refused(() =>
            extendShare(db, { shareId: id, sharerId: alice.id, extendBy: DAY, now: T0 + 3 }),
          )
        ).message,
      ).toBe(
        `This share is already ${word}; it cannot be extended; share the devices again instead.`,
      );
    }
  });

  it("is 404 for anyone but the sharer, and never changes permissions", async () => {
    const id = await shareWith({ permissions: "Operator" });
    expect(
      await refused(() =>
        extendShare(db, { shareId: id, sharerId: bob.id, extendBy: DAY, now: T0 }),
      ),
    ).toBeInstanceOf(NotFoundError);
    await extendShare(db, { shareId: id, sharerId: alice.id, extendBy: DAY, now: T0 });
    expect((await row(id)).permissions).toBe("view,operate");
  });
});

describe("Rule 6: cancel all or some devices", () => {
  it("cancel sharing ends the whole share, pending, active or expired", async () => {
    const pending = await shareWith();
    const expired = await shareWith({ recipients: "x@example.com", expiresAt: T0 + HOUR });
    expect(
      await refused(() => cancelShare(db, { shareId: pending, sharerId: bob.id, now: T0 + 1 })),
    ).toBeInstanceOf(NotFoundError);
    await cancelShare(db, { shareId: pending, sharerId: alice.id, now: T0 + 1 });
    await cancelShare(db, { shareId: expired, sharerId: alice.id, now: T0 + 2 * HOUR });
    expect(await row(pending)).toMatchObject({ status: "cancelled", endedAt: T0 + 1 });
    expect(await row(expired)).toMatchObject({ status: "cancelled", endedAt: T0 + 2 * HOUR });
    expect((await items(pending)).map((i) => i.live)).toEqual([null, null]);
    expect((await eventsOf(pending)).at(-1)).toMatchObject({
      type: "cancelled",
      actorId: alice.id,
    });
    expect(
      (await refused(() => cancelShare(db, { shareId: pending, sharerId: alice.id, now: T0 + 3 })))
        .message,
    ).toBe("This share is already cancelled; it cannot be cancelled.");
    const active = await shareWith();
    await acceptShare(db, { shareId: active, user: bob, now: T0 + 4 });
    await cancelShare(db, { shareId: active, sharerId: alice.id, now: T0 + 5 });
    expect((await row(active)).status).toBe("cancelled");
  });

  it("cancel device sharing removes chosen devices from the recipient's view", async () => {
    const id = await shareWith({ deviceIds: [d1.id, d2.id, d3.id] });
    await acceptShare(db, { shareId: id, user: bob, now: T0 + 1 });
    expect(
      await cancelDevices(db, { shareId: id, sharerId: alice.id, deviceIds: [d2.id], now: T0 + 2 }),
    ).toEqual({ removed: 1, shareCancelled: false });
    const removed = (await items(id)).find((i) => i.deviceId === d2.id)!;
    expect(removed).toMatchObject({ removedAt: T0 + 2, live: null });
    expect((await row(id)).status).toBe("active");
    const ev = (await eventsOf(id)).at(-1)!;
    expect(ev.type).toBe("devices_removed");
    expect(JSON.parse(ev.data!)).toEqual({ devices: [{ id: d2.id, name: "Gateway 2" }] });
    const view = (await getShareForRecipient(db, { shareId: id, user: bob, now: T0 + 3 }))!;
    expect(view.items.map((i) => i.deviceName)).toEqual(["Gateway 1", "Lock 3"]);
    // The removed device is free to share with bob again.
    expect(await shareWith({ deviceIds: [d2.id] }, T0 + 4)).toBeTruthy();
  });

  it("removing the last device cancels the share", async () => {
    const id = await shareWith();
    await cancelDevices(db, { shareId: id, sharerId: alice.id, deviceIds: [d1.id], now: T0 + 1 });
    expect(
      await cancelDevices(db, { shareId: id, sharerId: alice.id, deviceIds: [d2.id], now: T0 + 2 }),
    ).toEqual({ removed: 1, shareCancelled: true });
    expect(await row(id)).toMatchObject({ status: "cancelled", endedAt: T0 + 2 });
    expect((await eventsOf(id)).map((e) => e.type)).toEqual([
      "shared",
      "devices_removed",
      "devices_removed",
      "cancelled",
    ]);
  });

  it("refuses devices not in the share, and strangers", async () => {
    const id = await shareWith();
    expect(
      (
        await refused(() =>
          cancelDevices(db, { shareId: id, sharerId: alice.id, deviceIds: [d3.id], now: T0 + 1 }),
        )
      ).message,
    ).toBe("Device not found.");
    expect(
      (
        await refused(() =>
          cancelDevices(db, { shareId: id, sharerId: alice.id, deviceIds: [], now: T0 + 1 }),
        )
      ).field,
    ).toBe("deviceIds");
    expect(
      await refused(() =>
        cancelDevices(db, { shareId: id, sharerId: bob.id, deviceIds: [d1.id], now: T0 + 1 }),
      ),
    ).toBeInstanceOf(NotFoundError);
    await cancelDevices(db, { shareId: id, sharerId: alice.id, deviceIds: [d1.id], now: T0 + 1 });
    expect(
      (
        await refused(() =>
          cancelDevices(db, { shareId: id, sharerId: alice.id, deviceIds: [d1.id], now: T0 + 2 }),
        )
      ).message,
    ).toBe("Device not found.");
  });
});

describe("addDevices", () => {
  it("adds the owner's devices to a live share, with services and an event", async () => {
    const id = await shareWith({ deviceIds: [d1.id] });
    expect(
      await addDevices(db, {
        shareId: id,
        sharerId: alice.id,
        deviceIds: [d1.id, d2.id, d3.id],
        services: { [d3.id]: "all" },
        now: T0 + 1,
      }),
    ).toEqual({ added: 2 });
    expect((await items(id)).map((i) => i.deviceId).sort()).toEqual([d1.id, d2.id, d3.id].sort());
    expect((await items(id)).every((i) => i.live === 1)).toBe(true);
    const ev = (await eventsOf(id)).at(-1)!;
    expect(ev.type).toBe("devices_added");
    expect(JSON.parse(ev.data!).devices.map((d: { name: string }) => d.name)).toEqual([
      "Gateway 2",
      "Lock 3",
    ]);
    expect(
      (
        await refused(() =>
          addDevices(db, { shareId: id, sharerId: alice.id, deviceIds: [d1.id], now: T0 + 2 }),
        )
      ).message,
    ).toBe("These devices are already in this share.");
  });

  it("applies the sharing rules: owner only, no demo, no conflict, live shares only", async () => {
    const id = await shareWith({ deviceIds: [d1.id] });
    const bobs = await makeDevice(db, { ownerId: bob.id });
    const demo = await makeDevice(db, { ownerId: alice.id, name: "Demo", demo: true });
    expect(
      (
        await refused(() =>
          addDevices(db, { shareId: id, sharerId: alice.id, deviceIds: [bobs.id], now: T0 + 1 }),
        )
      ).message,
    ).toBe("Device not found.");
    expect(
      (
        await refused(() =>
          addDevices(db, { shareId: id, sharerId: alice.id, deviceIds: [demo.id], now: T0 + 1 }),
        )
      ).message,
    ).toMatch(/demo device/);
    expect(
      await refused(() =>
        addDevices(db, { shareId: id, sharerId: bob.id, deviceIds: [d2.id], now: T0 + 1 }),
      ),
    ).toBeInstanceOf(NotFoundError);
    const other = await shareWith({ deviceIds: [d2.id] }, T0 + 1);
    expect(
      await refused(() =>
        addDevices(db, { shareId: id, sharerId: alice.id, deviceIds: [d2.id], now: T0 + 2 }),
      ),
    ).toBeInstanceOf(ShareConflictError);
    await cancelShare(db, { shareId: other, sharerId: alice.id, now: T0 + 3 });
    expect(
      await addDevices(db, { shareId: id, sharerId: alice.id, deviceIds: [d2.id], now: T0 + 4 }),
    ).toEqual({ added: 1 });
    const expired = await shareWith({
      recipients: "x@example.com",
      deviceIds: [d1.id],
      expiresAt: T0 + HOUR,
    });
    expect(
      (
        await refused(() =>
          addDevices(db, {
            shareId: expired,
            sharerId: alice.id,
            deviceIds: [d3.id],
            now: T0 + HOUR,
          }),
        )
      ).message,
    ).toBe("Devices can only be added to a pending or active share.");
  });

  it("a removed device can be added back", async () => {
    const id = await shareWith();
    await cancelDevices(db, { shareId: id, sharerId: alice.id, deviceIds: [d1.id], now: T0 + 1 });
    expect(
      await addDevices(db, { shareId: id, sharerId: alice.id, deviceIds: [d1.id], now: T0 + 2 }),
    ).toEqual({ added: 1 });
    const d1Items = (await items(id))
      .filter((i) => i.deviceId === d1.id)
      .sort((a, b) => a.addedAt - b.addedAt);
    expect(d1Items.map((i) => [i.removedAt, i.live])).toEqual([
      [T0 + 1, null],
      [null, 1],
    ]);
  });
});

describe("recordExpiredEvents", () => {
  it("records each expiry once, at the expiry time, and frees the devices", async () => {
    const id = await shareWith({ expiresAt: T0 + HOUR });
    await shareWith({ recipients: "later@example.com", expiresAt: T0 + DAY });
    expect(await recordExpiredEvents(db, T0 + HOUR - 1)).toBe(0);
    expect(await recordExpiredEvents(db, T0 + HOUR)).toBe(1);
    expect(await recordExpiredEvents(db, T0 + 2 * HOUR)).toBe(0);
    expect((await eventsOf(id)).at(-1)).toMatchObject({
      type: "expired",
      actorId: null,
      createdAt: T0 + HOUR,
    });
    expect((await items(id)).map((i) => i.live)).toEqual([null, null]);
    // Extending later does not record that expiry twice.
    await extendShare(db, { shareId: id, sharerId: alice.id, extendBy: DAY, now: T0 + 3 * HOUR });
    expect((await eventsOf(id)).filter((e) => e.type === "expired")).toHaveLength(1);
  });
});

describe("inside a caller's transaction", () => {
  it("joins it: a later failure rolls back every share touched", async () => {
    const a = await shareWith();
    const b = await shareWith({ recipients: "other@example.com" });
    await expect(async () =>
      transaction(db, async (tx) => {
        await cancelShare(tx, { shareId: a, sharerId: alice.id, now: T0 + 1 });
        await extendShare(tx, { shareId: b, sharerId: alice.id, extendBy: DAY, now: T0 + 1 });
        await cancelShare(tx, { shareId: "not-mine", sharerId: alice.id, now: T0 + 1 });
      }),
    ).rejects.toThrow(NotFoundError);
    expect([(await row(a)).status, (await row(b)).status, (await row(b)).expiresAt]).toEqual([
      "pending",
      "pending",
      T0 + 7 * DAY,
    ]);
    expect((await eventsOf(a)).map((e) => e.type)).toEqual(["shared"]);
  });
});
