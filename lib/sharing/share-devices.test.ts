import { createFailingTrigger } from "@/tests/support/db/raw";
import { driverError, transaction } from "@/db/engine";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { shareEvents, shareItems, shares, type Device, type User } from "@/db/schema";
import { DomainError } from "@/lib/platform/errors";
import { ShareConflictError } from "./share-store";
import { acceptShare } from "./lifecycle";
import { cancelShare } from "./manage-share";
import { findConflicts, shareDevices } from "./share-devices";
import {
  DAY,
  HOUR,
  makeDevice,
  makeDevices,
  makeService,
  makeUser,
  shareRequest,
  sharingCounts,
  T0,
  testDb,
} from "./test-fixtures";
import { hashToken } from "./tokens";
import { ShareValidationError } from "./validation";

let db: Db;
let alice: User, bob: User;
let d1: Device, d2: Device, d3: Device;

beforeEach(async () => {
  db = await testDb();
  alice = await makeUser(db, { email: "alice@example.com", name: "Alice" });
  bob = await makeUser(db, { email: "bob@example.com", name: "Bob" });
  await makeUser(db, { email: "carol@example.com", name: "Carol" });
  d1 = await makeDevice(db, { ownerId: alice.id, name: "Gateway 1" });
  d2 = await makeDevice(db, { ownerId: alice.id, name: "Gateway 2" });
  d3 = await makeDevice(db, { ownerId: alice.id, name: "Lock 3" });
});

const share = (over: Parameters<typeof shareRequest>[0], sharerId = alice.id, now = T0) =>
  shareDevices(db, { sharerId, now, input: shareRequest(over) });

/** Runs fn, expects a DomainError, and checks that nothing was written. */
async function refused(fn: () => unknown): Promise<DomainError> {
  const before = await sharingCounts(db);
  let error: unknown;
  try {
    await fn();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(DomainError);
  expect(await sharingCounts(db)).toEqual(before);
  return error as DomainError;
}

describe("shareDevices", () => {
  it("creates one pending share per recipient, with items, a hashed link and a 'shared' event", async () => {
    const r = await share({
      recipients: "bob@example.com, newcomer@example.com",
      deviceIds: [d1.id, d2.id],
      permissions: "Operator",
      description: "Site A",
    });
    expect(r.skipped).toEqual([]);
    expect(r.shares.map((s) => [s.recipientEmail, s.recipientId])).toEqual([
      ["bob@example.com", bob.id],
      ["newcomer@example.com", null],
    ]);
    for (const s of r.shares) {
      const row = (await db.select().from(shares).where(eq(shares.id, s.shareId)))[0]!;
      expect(row).toMatchObject({
        sharerId: alice.id,
        status: "pending",
        permissions: "view,operate",
        description: "Site A",
        expiresAt: T0 + 7 * DAY,
        createdAt: T0,
        tokenCreatedAt: T0,
      });
      expect(row.tokenHash).toBe(hashToken(s.token));
      expect(JSON.stringify(row)).not.toContain(s.token); // only the hash is stored
      const items = await db.select().from(shareItems).where(eq(shareItems.shareId, s.shareId));
      expect(items.map((i) => i.deviceId).sort()).toEqual([d1.id, d2.id].sort());
      expect(
        items.every(
          (i) =>
            i.live === 1 &&
            i.serviceIds === null &&
            i.recipientEmail === s.recipientEmail &&
            i.sharerId === alice.id,
        ),
      ).toBe(true);
      const events = await db.select().from(shareEvents).where(eq(shareEvents.shareId, s.shareId));
      expect(events).toMatchObject([{ type: "shared", actorId: alice.id, createdAt: T0 }]);
      expect(JSON.parse(events[0].data!)).toMatchObject({
        deviceCount: 2,
        permissions: "view,operate",
      });
    }
  });

  it("stores the schedule and a chosen subset of services (null = all)", async () => {
    const ssh = await makeService(db, { deviceId: d1.id, name: "SSH" });
    await makeService(db, { deviceId: d1.id, name: "HTTP", kind: "HTTP", port: 80 });
    const r = await share({
      recipients: "bob@example.com",
      deviceIds: [d1.id, d2.id],
      services: { [d1.id]: [ssh.id], [d2.id]: "all" },
      schedule: {
        weekdays: 31,
        windowStart: 480,
        windowEnd: 1020,
        timeZone: "Europe/Paris",
        remoteAccess: false,
      },
    });
    const row = (await db.select().from(shares).where(eq(shares.id, r.shares[0].shareId)))[0]!;
    expect(row).toMatchObject({
      weekdays: 31,
      windowStart: 480,
      windowEnd: 1020,
      timeZone: "Europe/Paris",
      remoteAccess: false,
    });
    const items = await db
      .select()
      .from(shareItems)
      .where(eq(shareItems.shareId, r.shares[0].shareId));
    expect(Object.fromEntries(items.map((i) => [i.deviceId, i.serviceIds]))).toEqual({
      [d1.id]: JSON.stringify([ssh.id]),
      [d2.id]: null,
    });
  });

  it("refuses a service that belongs to another device", async () => {
    const other = await makeService(db, { deviceId: d2.id });
    const e = await refused(() =>
      share({
        recipients: "bob@example.com",
        deviceIds: [d1.id, d2.id],
        services: { [d1.id]: [other.id] },
      }),
    );
    expect(e).toMatchObject({
      field: "services",
      message: 'A chosen service does not belong to "Gateway 1".',
    });
  });
});

describe("Rule 1: only the owner shares; not onwards; no demo devices", () => {
  it("refuses someone else's device exactly like a missing one, writing nothing", async () => {
    const bobs = await makeDevice(db, { ownerId: bob.id, name: "Bob's router" });
    const foreign = await refused(() =>
      share({ recipients: "carol@example.com", deviceIds: [d1.id, bobs.id] }),
    );
    const missing = await refused(() =>
      share({ recipients: "carol@example.com", deviceIds: [d1.id, "no-such-device"] }),
    );
    expect(foreign).toMatchObject({
      message: "Device not found.",
      field: "deviceIds",
      code: "not_found",
    });
    expect(missing).toMatchObject({
      message: foreign.message,
      field: foreign.field,
      code: foreign.code,
    });
    expect(foreign.message).not.toContain("Bob");
  });

  it("refuses to share onwards a device shared with you", async () => {
    const r = await share({ recipients: "bob@example.com", deviceIds: [d1.id] });
    await acceptShare(db, { shareId: r.shares[0].shareId, user: bob, now: T0 + 1 });
    const e = await refused(() =>
      share({ recipients: "carol@example.com", deviceIds: [d1.id] }, bob.id, T0 + 2),
    );
    expect(e).toMatchObject({ message: "Device not found.", field: "deviceIds" });
  });

  it("refuses demo devices, naming them", async () => {
    const demo = await makeDevice(db, { ownerId: alice.id, name: "Demo Sensor", demo: true });
    const e = await refused(() =>
      share({ recipients: "bob@example.com", deviceIds: [d1.id, demo.id] }),
    );
    expect(e).toMatchObject({
      field: "deviceIds",
      message: '"Demo Sensor" is a demo device and cannot be shared.',
    });
  });
});

describe("Rule 4: not yourself; emails validated and de-duplicated", () => {
  it("refuses your own email, in any case, on the recipients field", async () => {
    const e = await refused(() =>
      share({ recipients: "bob@example.com, ALICE@example.com", deviceIds: [d1.id] }),
    );
    expect(e).toMatchObject({
      field: "recipients",
      message: "You cannot share with yourself (alice@example.com).",
    });
  });

  it("refuses invalid emails naming them, and de-duplicates the rest", async () => {
    const e = await refused(() =>
      share({ recipients: "bob@example.com, bob@", deviceIds: [d1.id] }),
    );
    expect(e).toBeInstanceOf(ShareValidationError);
    expect(e).toMatchObject({
      field: "recipients",
      message: '"bob@" is not a valid email address.',
    });
    const r = await share({
      recipients: "Bob@Example.com; bob@example.com\nBOB@example.com",
      deviceIds: [d1.id],
    });
    expect(r.shares.map((s) => s.recipientEmail)).toEqual(["bob@example.com"]);
    expect(await sharingCounts(db)).toEqual({ shares: 1, items: 1, events: 1 });
  });
});

describe("Rule 2: one live item per device, recipient and sharer", () => {
  it("refuses sharing a device again, naming the device, the recipient and the existing share", async () => {
    const first = await share({ recipients: "bob@example.com", deviceIds: [d1.id] });
    const e = await refused(() =>
      share(
        { recipients: "carol@example.com, bob@example.com", deviceIds: [d2.id, d1.id] },
        alice.id,
        T0 + 1,
      ),
    );
    expect(e).toBeInstanceOf(ShareConflictError);
    expect(e.code).toBe("conflict");
    expect(e.message).toContain('"Gateway 1"');
    expect(e.message).toContain("bob@example.com");
    expect(e.message).toContain(first.shares[0].shareId);
    expect(e.message).toMatch(/extend or cancel that share instead/);
    expect((e as ShareConflictError).conflicts).toEqual([
      {
        deviceId: d1.id,
        deviceName: "Gateway 1",
        recipientEmail: "bob@example.com",
        shareId: first.shares[0].shareId,
      },
    ]);
  });

  it("also conflicts with an accepted (active) share", async () => {
    const first = await share({ recipients: "bob@example.com", deviceIds: [d1.id] });
    await acceptShare(db, { shareId: first.shares[0].shareId, user: bob, now: T0 + 1 });
    await refused(() =>
      share({ recipients: "bob@example.com", deviceIds: [d1.id] }, alice.id, T0 + 2),
    );
  });

  it("skips conflicting pairs when asked, and creates no empty share", async () => {
    const first = await share({
      recipients: "bob@example.com, carol@example.com",
      deviceIds: [d1.id],
    });
    const r = await share(
      {
        recipients: "bob@example.com, dan@example.com, carol@example.com",
        deviceIds: [d1.id, d2.id],
        skipConflicts: true,
      },
      alice.id,
      T0 + 1,
    );
    expect(r.shares.map((s) => s.recipientEmail)).toEqual([
      "bob@example.com",
      "dan@example.com",
      "carol@example.com",
    ]);
    const devicesOf = async (shareId: string) =>
      (await db.select().from(shareItems).where(eq(shareItems.shareId, shareId)))
        .map((i) => i.deviceId)
        .sort();
    expect(await devicesOf(r.shares[0].shareId)).toEqual([d2.id]);
    expect(await devicesOf(r.shares[1].shareId)).toEqual([d1.id, d2.id].sort());
    expect(r.skipped).toHaveLength(2);
    expect(r.skipped).toContainEqual({
      deviceId: d1.id,
      deviceName: "Gateway 1",
      recipientEmail: "bob@example.com",
      existingShareId: first.shares[0].shareId,
    });

    const none = await share(
      { recipients: "bob@example.com", deviceIds: [d1.id, d2.id], skipConflicts: true },
      alice.id,
      T0 + 2,
    );
    expect(none.shares).toEqual([]);
    expect(none.skipped.map((s) => s.deviceId).sort()).toEqual([d1.id, d2.id].sort());
  });

  it("does not count expired shares, and clears their live flag", async () => {
    const old = await share({
      recipients: "bob@example.com",
      deviceIds: [d1.id],
      expiresAt: T0 + HOUR,
    });
    await expect(async () =>
      share({ recipients: "bob@example.com", deviceIds: [d1.id] }, alice.id, T0 + HOUR - 1),
    ).rejects.toThrow(ShareConflictError);
    const again = await share(
      { recipients: "bob@example.com", deviceIds: [d1.id] },
      alice.id,
      T0 + HOUR,
    );
    expect(again.shares).toHaveLength(1);
    const oldItem = (
      await db.select().from(shareItems).where(eq(shareItems.shareId, old.shares[0].shareId))
    )[0]!;
    expect(oldItem.live).toBeNull();
  });

  it("does not count cancelled shares", async () => {
    const old = await share({ recipients: "bob@example.com", deviceIds: [d1.id] });
    await cancelShare(db, { shareId: old.shares[0].shareId, sharerId: alice.id, now: T0 + 1 });
    expect(
      (await share({ recipients: "bob@example.com", deviceIds: [d1.id] }, alice.id, T0 + 2)).shares,
    ).toHaveLength(1);
  });

  it("findConflicts previews the same pairs without writing", async () => {
    const first = await share({
      recipients: "bob@example.com",
      deviceIds: [d1.id, d2.id],
      expiresAt: T0 + HOUR,
    });
    const before = await sharingCounts(db);
    const q = {
      sharerId: alice.id,
      deviceIds: [d1.id, d3.id],
      recipientEmails: [" BOB@example.com", "carol@example.com"],
    };
    expect(await findConflicts(db, { ...q, now: T0 })).toEqual([
      {
        deviceId: d1.id,
        deviceName: "Gateway 1",
        recipientEmail: "bob@example.com",
        existingShareId: first.shares[0].shareId,
      },
    ]);
    expect(await findConflicts(db, { ...q, now: T0 + HOUR })).toEqual([]);
    expect(await findConflicts(db, { ...q, sharerId: bob.id, now: T0 })).toEqual([]);
    expect(await sharingCounts(db)).toEqual(before);
  });
});

describe("Rule 3: a bulk share is one transaction", () => {
  it("writes nothing when one foreign device hides among many", async () => {
    const mine = await makeDevices(db, alice.id, 200);
    const foreign = await makeDevice(db, { ownerId: bob.id });
    const ids = mine.map((d) => d.id);
    ids.splice(137, 0, foreign.id);
    await refused(() =>
      share({
        recipients: ["r1@x.com", "r2@x.com", "r3@x.com", "r4@x.com", "r5@x.com"],
        deviceIds: ids,
      }),
    );
    expect(await sharingCounts(db)).toEqual({ shares: 0, items: 0, events: 0 });
  });

  it("rolls back rows already inserted when a later write fails", async () => {
    // Fails the last recipient's event, after every share and item was inserted.
    await createFailingTrigger(db);
    const failed = await share({
      recipients: "a@x.com, b@x.com, zed@x.com",
      deviceIds: [d1.id, d2.id, d3.id],
    }).then(
      () => expect.unreachable("the share should have failed"),
      (e: unknown) => e,
    );
    // The trigger's own error, as the driver raised it (drizzle wraps PostgreSQL's).
    expect(driverError(failed)?.message).toMatch(/boom/);
    expect(await sharingCounts(db)).toEqual({ shares: 0, items: 0, events: 0 });
  });

  it("the unique index backs the rule up: a stray live item aborts everything with a clear conflict", async () => {
    const old = await share({ recipients: "bob@example.com", deviceIds: [d2.id] });
    // Simulate a racing writer: the share ended but its item still claims to be live.
    await transaction(db, async (tx) =>
      tx.update(shares).set({ status: "cancelled" }).where(eq(shares.id, old.shares[0].shareId)),
    );
    const e = await refused(() =>
      share(
        { recipients: "carol@example.com, bob@example.com", deviceIds: [d1.id, d2.id] },
        alice.id,
        T0 + 1,
      ),
    );
    expect(e).toMatchObject({ code: "conflict", field: "deviceIds" });
  });
});
