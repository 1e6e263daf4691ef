import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
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

beforeEach(() => {
  db = testDb();
  alice = makeUser(db, { email: "alice@example.com", name: "Alice" });
  bob = makeUser(db, { email: "bob@example.com", name: "Bob" });
  d1 = makeDevice(db, { ownerId: alice.id, name: "Gateway 1" });
  d2 = makeDevice(db, { ownerId: alice.id, name: "Gateway 2" });
  d3 = makeDevice(db, { ownerId: alice.id, name: "Lock 3" });
});

function shareWith(over: Partial<Parameters<typeof shareRequest>[0]> = {}, now = T0) {
  return shareDevices(db, {
    sharerId: alice.id,
    now,
    input: shareRequest({ recipients: "bob@example.com", deviceIds: [d1.id, d2.id], ...over }),
  }).shares[0].shareId;
}
const row = (id: string) => db.select().from(shares).where(eq(shares.id, id)).get()!;
const items = (id: string) => db.select().from(shareItems).where(eq(shareItems.shareId, id)).all();
const eventsOf = (id: string) =>
  db
    .select()
    .from(shareEvents)
    .where(eq(shareEvents.shareId, id))
    .orderBy(shareEvents.createdAt)
    .all();
function refused(fn: () => unknown): DomainError {
  const before = JSON.stringify([
    db.select().from(shares).all(),
    db.select().from(shareItems).all(),
    sharingCounts(db),
  ]);
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect(
      JSON.stringify([
        db.select().from(shares).all(),
        db.select().from(shareItems).all(),
        sharingCounts(db),
      ]),
    ).toBe(before);
    return e as DomainError;
  }
  throw new Error("expected a refusal");
}

describe("Rule 5: extend expiration", () => {
  it("extends from the current expiry, not from now", () => {
    const id = shareWith({ expiresAt: T0 + 7 * DAY });
    expect(
      extendShare(db, { shareId: id, sharerId: alice.id, extendBy: 2 * DAY, now: T0 + DAY }),
    ).toEqual({ from: T0 + 7 * DAY, to: T0 + 9 * DAY });
    expect(row(id).expiresAt).toBe(T0 + 9 * DAY);
    const ev = eventsOf(id).at(-1)!;
    expect(ev).toMatchObject({ type: "extended", actorId: alice.id, createdAt: T0 + DAY });
    expect(JSON.parse(ev.data!)).toEqual({ from: T0 + 7 * DAY, to: T0 + 9 * DAY });
  });

  it("accepts an absolute date, which must be after the current expiry", () => {
    const id = shareWith({ expiresAt: T0 + 7 * DAY });
    expect(
      refused(() =>
        extendShare(db, { shareId: id, sharerId: alice.id, newExpiresAt: T0 + 7 * DAY, now: T0 }),
      ).message,
    ).toBe("The new expiry must be after the current expiry.");
    expect(
      extendShare(db, { shareId: id, sharerId: alice.id, newExpiresAt: T0 + 8 * DAY, now: T0 }).to,
    ).toBe(T0 + 8 * DAY);
    expect(refused(() => extendShare(db, { shareId: id, sharerId: alice.id, now: T0 })).field).toBe(
      "expiresAt",
    );
    expect(
      refused(() => extendShare(db, { shareId: id, sharerId: alice.id, extendBy: -1, now: T0 }))
        .message,
    ).toMatch(/positive/);
    expect(
      refused(() =>
        extendShare(db, {
          shareId: id,
          sharerId: alice.id,
          newExpiresAt: maxExpiry(T0) + 1,
          now: T0,
        }),
      ).message,
    ).toMatch(/at most 5 years/);
  });

  it("extends an expired share from now, reviving it with its devices and recording the expiry", () => {
    const id = shareWith({ expiresAt: T0 + HOUR });
    acceptShare(db, { shareId: id, user: bob, now: T0 + 1 });
    // Another share run after expiry clears the old items' live flag.
    shareDevices(db, {
      sharerId: alice.id,
      now: T0 + 2 * HOUR,
      input: shareRequest({ recipients: "bob@example.com", deviceIds: [d3.id] }),
    });
    expect(items(id).map((i) => i.live)).toEqual([null, null]);
    const r = extendShare(db, {
      shareId: id,
      sharerId: alice.id,
      extendBy: DAY,
      now: T0 + 3 * HOUR,
    });
    expect(r).toEqual({ from: T0 + HOUR, to: T0 + 3 * HOUR + DAY });
    expect(row(id)).toMatchObject({
      status: "active",
      expiresAt: T0 + 3 * HOUR + DAY,
      permissions: "view",
    });
    expect(items(id).map((i) => i.live)).toEqual([1, 1]);
    expect(eventsOf(id).map((e) => [e.type, e.createdAt])).toEqual([
      ["shared", T0],
      ["accepted", T0 + 1],
      ["expired", T0 + HOUR],
      ["extended", T0 + 3 * HOUR],
    ]);
    // A date in the past of now is refused for an expired share.
    const id2 = shareWith({ expiresAt: T0 + HOUR, recipients: "carl@example.com" });
    expect(
      refused(() =>
        extendShare(db, {
          shareId: id2,
          sharerId: alice.id,
          newExpiresAt: T0 + 2 * HOUR,
          now: T0 + 2 * HOUR,
        }),
      ).message,
    ).toBe("The new expiry must be in the future.");
  });

  it("refuses to revive an expired share whose device is now in a newer live share", () => {
    const old = shareWith({ expiresAt: T0 + HOUR });
    const newer = shareWith({ deviceIds: [d2.id] }, T0 + 2 * HOUR);
    const e = refused(() =>
      extendShare(db, { shareId: old, sharerId: alice.id, extendBy: DAY, now: T0 + 3 * HOUR }),
    );
    expect(e).toBeInstanceOf(ShareConflictError);
    expect(e.message).toContain('"Gateway 2"');
    expect(e.message).toContain(newer);
  });

  it("a permanent share cannot be extended", () => {
    const id = shareWith({ expiresAt: null });
    expect(
      refused(() => extendShare(db, { shareId: id, sharerId: alice.id, extendBy: DAY, now: T0 }))
        .message,
    ).toBe("This share is permanent: there is no expiry to extend.");
  });

  it("cancelled, declined and left shares cannot be extended", () => {
    const c = shareWith();
    cancelShare(db, { shareId: c, sharerId: alice.id, now: T0 + 1 });
    const d = shareWith({ recipients: "dee@example.com" });
    declineShare(db, { shareId: d, user: makeUser(db, { email: "dee@example.com" }), now: T0 + 1 });
    const l = shareWith({ recipients: "lee@example.com" });
    const lee = makeUser(db, { email: "lee@example.com" });
    acceptShare(db, { shareId: l, user: lee, now: T0 + 1 });
    leaveShare(db, { shareId: l, user: lee, now: T0 + 2 });
    for (const [id, word] of [
      [c, "cancelled"],
      [d, "declined"],
      [l, "left"],
    ]) {
      expect(
        refused(() =>
          extendShare(db, { shareId: id, sharerId: alice.id, extendBy: DAY, now: T0 + 3 }),
        ).message,
      ).toBe(
        `This share is already ${word}; it cannot be extended; share the devices again instead.`,
      );
    }
  });

  it("is 404 for anyone but the sharer, and never changes permissions", () => {
    const id = shareWith({ permissions: "Operator" });
    expect(
      refused(() => extendShare(db, { shareId: id, sharerId: bob.id, extendBy: DAY, now: T0 })),
    ).toBeInstanceOf(NotFoundError);
    extendShare(db, { shareId: id, sharerId: alice.id, extendBy: DAY, now: T0 });
    expect(row(id).permissions).toBe("view,operate");
  });
});

describe("Rule 6: cancel all or some devices", () => {
  it("cancel sharing ends the whole share, pending, active or expired", () => {
    const pending = shareWith();
    const expired = shareWith({ recipients: "x@example.com", expiresAt: T0 + HOUR });
    expect(
      refused(() => cancelShare(db, { shareId: pending, sharerId: bob.id, now: T0 + 1 })),
    ).toBeInstanceOf(NotFoundError);
    cancelShare(db, { shareId: pending, sharerId: alice.id, now: T0 + 1 });
    cancelShare(db, { shareId: expired, sharerId: alice.id, now: T0 + 2 * HOUR });
    expect(row(pending)).toMatchObject({ status: "cancelled", endedAt: T0 + 1 });
    expect(row(expired)).toMatchObject({ status: "cancelled", endedAt: T0 + 2 * HOUR });
    expect(items(pending).map((i) => i.live)).toEqual([null, null]);
    expect(eventsOf(pending).at(-1)).toMatchObject({ type: "cancelled", actorId: alice.id });
    expect(
      refused(() => cancelShare(db, { shareId: pending, sharerId: alice.id, now: T0 + 3 })).message,
    ).toBe("This share is already cancelled; it cannot be cancelled.");
    const active = shareWith();
    acceptShare(db, { shareId: active, user: bob, now: T0 + 4 });
    cancelShare(db, { shareId: active, sharerId: alice.id, now: T0 + 5 });
    expect(row(active).status).toBe("cancelled");
  });

  it("cancel device sharing removes chosen devices from the recipient's view", () => {
    const id = shareWith({ deviceIds: [d1.id, d2.id, d3.id] });
    acceptShare(db, { shareId: id, user: bob, now: T0 + 1 });
    expect(
      cancelDevices(db, { shareId: id, sharerId: alice.id, deviceIds: [d2.id], now: T0 + 2 }),
    ).toEqual({ removed: 1, shareCancelled: false });
    const removed = items(id).find((i) => i.deviceId === d2.id)!;
    expect(removed).toMatchObject({ removedAt: T0 + 2, live: null });
    expect(row(id).status).toBe("active");
    const ev = eventsOf(id).at(-1)!;
    expect(ev.type).toBe("devices_removed");
    expect(JSON.parse(ev.data!)).toEqual({ devices: [{ id: d2.id, name: "Gateway 2" }] });
    const view = getShareForRecipient(db, { shareId: id, user: bob, now: T0 + 3 })!;
    expect(view.items.map((i) => i.deviceName)).toEqual(["Gateway 1", "Lock 3"]);
    // The removed device is free to share with bob again.
    expect(shareWith({ deviceIds: [d2.id] }, T0 + 4)).toBeTruthy();
  });

  it("removing the last device cancels the share", () => {
    const id = shareWith();
    cancelDevices(db, { shareId: id, sharerId: alice.id, deviceIds: [d1.id], now: T0 + 1 });
    expect(
      cancelDevices(db, { shareId: id, sharerId: alice.id, deviceIds: [d2.id], now: T0 + 2 }),
    ).toEqual({ removed: 1, shareCancelled: true });
    expect(row(id)).toMatchObject({ status: "cancelled", endedAt: T0 + 2 });
    expect(eventsOf(id).map((e) => e.type)).toEqual([
      "shared",
      "devices_removed",
      "devices_removed",
      "cancelled",
    ]);
  });

  it("refuses devices not in the share, and strangers", () => {
    const id = shareWith();
    expect(
      refused(() =>
        cancelDevices(db, { shareId: id, sharerId: alice.id, deviceIds: [d3.id], now: T0 + 1 }),
      ).message,
    ).toBe("Device not found.");
    expect(
      refused(() =>
        cancelDevices(db, { shareId: id, sharerId: alice.id, deviceIds: [], now: T0 + 1 }),
      ).field,
    ).toBe("deviceIds");
    expect(
      refused(() =>
        cancelDevices(db, { shareId: id, sharerId: bob.id, deviceIds: [d1.id], now: T0 + 1 }),
      ),
    ).toBeInstanceOf(NotFoundError);
    cancelDevices(db, { shareId: id, sharerId: alice.id, deviceIds: [d1.id], now: T0 + 1 });
    expect(
      refused(() =>
        cancelDevices(db, { shareId: id, sharerId: alice.id, deviceIds: [d1.id], now: T0 + 2 }),
      ).message,
    ).toBe("Device not found.");
  });
});

describe("addDevices", () => {
  it("adds the owner's devices to a live share, with services and an event", () => {
    const id = shareWith({ deviceIds: [d1.id] });
    expect(
      addDevices(db, {
        shareId: id,
        sharerId: alice.id,
        deviceIds: [d1.id, d2.id, d3.id],
        services: { [d3.id]: "all" },
        now: T0 + 1,
      }),
    ).toEqual({ added: 2 });
    expect(
      items(id)
        .map((i) => i.deviceId)
        .sort(),
    ).toEqual([d1.id, d2.id, d3.id].sort());
    expect(items(id).every((i) => i.live === 1)).toBe(true);
    const ev = eventsOf(id).at(-1)!;
    expect(ev.type).toBe("devices_added");
    expect(JSON.parse(ev.data!).devices.map((d: { name: string }) => d.name)).toEqual([
      "Gateway 2",
      "Lock 3",
    ]);
    expect(
      refused(() =>
        addDevices(db, { shareId: id, sharerId: alice.id, deviceIds: [d1.id], now: T0 + 2 }),
      ).message,
    ).toBe("These devices are already in this share.");
  });

  it("applies the sharing rules: owner only, no demo, no conflict, live shares only", () => {
    const id = shareWith({ deviceIds: [d1.id] });
    const bobs = makeDevice(db, { ownerId: bob.id });
    const demo = makeDevice(db, { ownerId: alice.id, name: "Demo", demo: true });
    expect(
      refused(() =>
        addDevices(db, { shareId: id, sharerId: alice.id, deviceIds: [bobs.id], now: T0 + 1 }),
      ).message,
    ).toBe("Device not found.");
    expect(
      refused(() =>
        addDevices(db, { shareId: id, sharerId: alice.id, deviceIds: [demo.id], now: T0 + 1 }),
      ).message,
    ).toMatch(/demo device/);
    expect(
      refused(() =>
        addDevices(db, { shareId: id, sharerId: bob.id, deviceIds: [d2.id], now: T0 + 1 }),
      ),
    ).toBeInstanceOf(NotFoundError);
    const other = shareWith({ deviceIds: [d2.id] }, T0 + 1);
    expect(
      refused(() =>
        addDevices(db, { shareId: id, sharerId: alice.id, deviceIds: [d2.id], now: T0 + 2 }),
      ),
    ).toBeInstanceOf(ShareConflictError);
    cancelShare(db, { shareId: other, sharerId: alice.id, now: T0 + 3 });
    expect(
      addDevices(db, { shareId: id, sharerId: alice.id, deviceIds: [d2.id], now: T0 + 4 }),
    ).toEqual({ added: 1 });
    const expired = shareWith({
      recipients: "x@example.com",
      deviceIds: [d1.id],
      expiresAt: T0 + HOUR,
    });
    expect(
      refused(() =>
        addDevices(db, {
          shareId: expired,
          sharerId: alice.id,
          deviceIds: [d3.id],
          now: T0 + HOUR,
        }),
      ).message,
    ).toBe("Devices can only be added to a pending or active share.");
  });

  it("a removed device can be added back", () => {
    const id = shareWith();
    cancelDevices(db, { shareId: id, sharerId: alice.id, deviceIds: [d1.id], now: T0 + 1 });
    expect(
      addDevices(db, { shareId: id, sharerId: alice.id, deviceIds: [d1.id], now: T0 + 2 }),
    ).toEqual({ added: 1 });
    const d1Items = items(id)
      .filter((i) => i.deviceId === d1.id)
      .sort((a, b) => a.addedAt - b.addedAt);
    expect(d1Items.map((i) => [i.removedAt, i.live])).toEqual([
      [T0 + 1, null],
      [null, 1],
    ]);
  });
});

describe("recordExpiredEvents", () => {
  it("records each expiry once, at the expiry time, and frees the devices", () => {
    const id = shareWith({ expiresAt: T0 + HOUR });
    shareWith({ recipients: "later@example.com", expiresAt: T0 + DAY });
    expect(recordExpiredEvents(db, T0 + HOUR - 1)).toBe(0);
    expect(recordExpiredEvents(db, T0 + HOUR)).toBe(1);
    expect(recordExpiredEvents(db, T0 + 2 * HOUR)).toBe(0);
    expect(eventsOf(id).at(-1)).toMatchObject({
      type: "expired",
      actorId: null,
      createdAt: T0 + HOUR,
    });
    expect(items(id).map((i) => i.live)).toEqual([null, null]);
    // Extending later does not record that expiry twice.
    extendShare(db, { shareId: id, sharerId: alice.id, extendBy: DAY, now: T0 + 3 * HOUR });
    expect(eventsOf(id).filter((e) => e.type === "expired")).toHaveLength(1);
  });
});

describe("inside a caller's transaction", () => {
  it("nests as a savepoint: a later failure rolls back every share touched", () => {
    const a = shareWith();
    const b = shareWith({ recipients: "other@example.com" });
    expect(() =>
      db.transaction(() => {
        cancelShare(db, { shareId: a, sharerId: alice.id, now: T0 + 1 });
        extendShare(db, { shareId: b, sharerId: alice.id, extendBy: DAY, now: T0 + 1 });
        cancelShare(db, { shareId: "not-mine", sharerId: alice.id, now: T0 + 1 });
      }),
    ).toThrow(NotFoundError);
    expect([row(a).status, row(b).status, row(b).expiresAt]).toEqual([
      "pending",
      "pending",
      T0 + 7 * DAY,
    ]);
    expect(eventsOf(a).map((e) => e.type)).toEqual(["shared"]);
  });
});
