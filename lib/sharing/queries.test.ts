import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import type { Device, User } from "@/db/schema";
import { acceptShare, declineShare, leaveShare } from "./lifecycle";
import { cancelDevices, cancelShare } from "./manage-share";
import { listSharedByMe, listSharedWithMe } from "./queries";
import { shareDevices } from "./share-devices";
import { getShareForRecipient, getShareForSharer } from "./share-details";
import type { EffectiveStatus } from "./status";
import {
  DAY,
  HOUR,
  makeDevice,
  makeService,
  makeUser,
  shareRequest,
  T0,
  testDb,
} from "./test-fixtures";

let db: Db;
let alice: User, bob: User, carol: User, zoe: User;
let d1: Device, d2: Device, d3: Device;

beforeEach(async () => {
  db = await testDb();
  alice = await makeUser(db, { email: "alice@example.com", name: "Alice" });
  bob = await makeUser(db, { email: "bob@example.com", name: "Bob Builder" });
  carol = await makeUser(db, { email: "carol@example.com", name: "Carol" });
  zoe = await makeUser(db, { email: "zoe@example.com", name: "Zoe" });
  d1 = await makeDevice(db, {
    ownerId: alice.id,
    name: "Gateway 1",
    hardwareId: "80:00:00:00:12:34:56:78",
  });
  d2 = await makeDevice(db, { ownerId: alice.id, name: "Boiler_2" });
  d3 = await makeDevice(db, { ownerId: zoe.id, name: "Zoe's lock" });
});

const share = async (sharer: User, over: Parameters<typeof shareRequest>[0], now = T0) =>
  (await shareDevices(db, { sharerId: sharer.id, now, input: shareRequest(over) })).shares.map(
    (s) => s.shareId,
  );

describe("listSharedByMe", () => {
  it("lists one row per recipient with name, device count, status and time left", async () => {
    await share(alice, {
      recipients: "bob@example.com, newcomer@example.com",
      deviceIds: [d1.id, d2.id],
      expiresAt: T0 + 3 * DAY + HOUR,
    });
    const { rows, total } = await listSharedByMe(db, {
      sharerId: alice.id,
      now: T0,
      sort: "recipient",
    });
    expect(total).toBe(2);
    expect(
      rows.map((r) => [
        r.share.recipientEmail,
        r.recipientName,
        r.deviceCount,
        r.status,
        r.timeLeft,
        r.preset,
        r.hasLink,
      ]),
    ).toEqual([
      ["bob@example.com", "Bob Builder", 2, "Pending", "3 days", "Viewer", true],
      ["newcomer@example.com", null, 2, "Pending", "3 days", "Viewer", true],
    ]);
    expect("tokenHash" in rows[0].share).toBe(false);
    expect((await listSharedByMe(db, { sharerId: bob.id, now: T0 })).total).toBe(0);
  });

  it("counts current devices only, and knows a recipient who signed up later", async () => {
    const [id] = await share(alice, { recipients: "late@example.com", deviceIds: [d1.id, d2.id] });
    await cancelDevices(db, { shareId: id, sharerId: alice.id, deviceIds: [d2.id], now: T0 + 1 });
    await makeUser(db, { email: "late@example.com", name: "Late Comer" });
    const [r] = (await listSharedByMe(db, { sharerId: alice.id, now: T0 + 2 })).rows;
    expect([r.deviceCount, r.recipientName]).toEqual([1, "Late Comer"]);
  });

  it("filters by effective status in SQL, exact at the expiry ms, with right totals and pages", async () => {
    const soon = await share(alice, {
      recipients: "a1@x.com, a2@x.com, a3@x.com",
      deviceIds: [d1.id],
      expiresAt: T0 + HOUR,
    });
    await share(
      alice,
      { recipients: "b1@x.com, b2@x.com", deviceIds: [d1.id], expiresAt: T0 + DAY },
      T0 + 1,
    );
    await cancelShare(db, { shareId: soon[0], sharerId: alice.id, now: T0 + 2 });
    const count = async (status: EffectiveStatus, now: number) =>
      (await listSharedByMe(db, { sharerId: alice.id, now, status })).total;
    expect(
      await Promise.all([
        count("Pending", T0 + HOUR - 1),
        count("Expired", T0 + HOUR - 1),
        count("Cancelled", T0 + HOUR - 1),
      ]),
    ).toEqual([4, 0, 1]);
    expect(
      await Promise.all([
        count("Pending", T0 + HOUR),
        count("Expired", T0 + HOUR),
        count("Cancelled", T0 + HOUR),
      ]),
    ).toEqual([2, 2, 1]);
    const p1 = await listSharedByMe(db, {
      sharerId: alice.id,
      now: T0 + HOUR,
      status: "Expired",
      page: 1,
      pageSize: 1,
    });
    const p2 = await listSharedByMe(db, {
      sharerId: alice.id,
      now: T0 + HOUR,
      status: "Expired",
      page: 2,
      pageSize: 1,
    });
    expect([p1.total, p1.rows.length, p2.rows.length]).toEqual([2, 1, 1]);
    expect(p1.rows[0].share.id).not.toBe(p2.rows[0].share.id);
    expect(p1.rows[0]).toMatchObject({ status: "Expired", timeLeft: "expired", hasLink: false });
  });

  it("searches recipient email and name, description and device name; wildcards are literal", async () => {
    await share(alice, {
      recipients: "bob@example.com",
      deviceIds: [d1.id],
      description: "Boiler room",
    });
    await share(alice, { recipients: "carol@example.com", deviceIds: [d2.id] });
    const find = async (q: string) =>
      (await listSharedByMe(db, { sharerId: alice.id, now: T0, q, sort: "recipient" })).rows.map(
        (r) => r.share.recipientEmail,
      );
    expect(await find("BUILDER")).toEqual(["bob@example.com"]);
    expect(await find("carol@")).toEqual(["carol@example.com"]);
    expect(await find("boiler")).toEqual(["bob@example.com", "carol@example.com"]); // description, device name
    expect(await find("gateway")).toEqual(["bob@example.com"]);
    expect(await find("r_2")).toEqual(["carol@example.com"]);
    expect(await find("%")).toEqual([]);
    expect(await find("  ")).toHaveLength(2);
  });

  it("sorts by expiry with permanent shares last", async () => {
    await share(alice, { recipients: "p@x.com", deviceIds: [d1.id], expiresAt: null });
    await share(alice, { recipients: "late@x.com", deviceIds: [d1.id], expiresAt: T0 + 2 * DAY });
    await share(alice, { recipients: "early@x.com", deviceIds: [d1.id], expiresAt: T0 + DAY });
    const rows = (await listSharedByMe(db, { sharerId: alice.id, now: T0, sort: "expires" })).rows;
    expect(rows.map((r) => r.share.recipientEmail)).toEqual([
      "early@x.com",
      "late@x.com",
      "p@x.com",
    ]);
    expect(rows[2].timeLeft).toBe("permanent");
  });
});

describe("listSharedWithMe", () => {
  it("groups by sharer; pending shares are found by email, accepted ones by user", async () => {
    const [fromAlice] = await share(alice, {
      recipients: "bob@example.com",
      deviceIds: [d1.id, d2.id],
    });
    await share(zoe, { recipients: "bob@example.com", deviceIds: [d3.id] });
    await share(alice, { recipients: "carol@example.com", deviceIds: [d1.id] });
    await acceptShare(db, { shareId: fromAlice, user: bob, now: T0 + 1 });
    const { groups, total } = await listSharedWithMe(db, { user: bob, now: T0 + 2 });
    expect(total).toBe(2);
    expect(
      groups.map((g) => [g.sharer.name, g.shares.map((s) => [s.status, s.deviceCount])]),
    ).toEqual([
      ["Alice", [["Active", 2]]],
      ["Zoe", [["Pending", 1]]],
    ]);
    expect((await listSharedWithMe(db, { user: bob, now: T0 + 2, status: "Pending" })).total).toBe(
      1,
    );
    expect(
      (await listSharedWithMe(db, { user: bob, now: T0 + 2, q: "lock" })).groups.map(
        (g) => g.sharer.name,
      ),
    ).toEqual(["Zoe"]);
    expect(
      (await listSharedWithMe(db, { user: bob, now: T0 + 2, q: "alice@" })).groups.map(
        (g) => g.sharer.name,
      ),
    ).toEqual(["Alice"]);
  });

  it("reaches a newcomer who signs up after being invited", async () => {
    await share(alice, { recipients: "newcomer@example.com", deviceIds: [d1.id] });
    const newcomer = await makeUser(db, { email: "newcomer@example.com" });
    expect((await listSharedWithMe(db, { user: newcomer, now: T0 })).total).toBe(1);
  });
});

describe("share details", () => {
  it("the sharer sees items with services, removed ones, and the activity", async () => {
    const ssh = await makeService(db, { deviceId: d1.id, name: "SSH", port: 22 });
    await makeService(db, { deviceId: d1.id, name: "Web", kind: "HTTP", port: 80 });
    const [id] = await share(alice, {
      recipients: "bob@example.com",
      deviceIds: [d1.id, d2.id],
      services: { [d1.id]: [ssh.id] },
      permissions: "Operator",
      schedule: { weekdays: 31, windowStart: 480, windowEnd: 1080, timeZone: "Europe/Paris" },
    });
    await cancelDevices(db, { shareId: id, sharerId: alice.id, deviceIds: [d2.id], now: T0 + 1 });
    await acceptShare(db, { shareId: id, user: bob, now: T0 + 2 });
    const detail = (await getShareForSharer(db, { shareId: id, sharerId: alice.id, now: T0 + 3 }))!;
    expect(detail).toMatchObject({
      status: "Active",
      recipientName: "Bob Builder",
      deviceCount: 1,
      preset: "Operator",
      hasLink: false,
    });
    expect(detail.schedule).toBe("Mon–Fri, 08:00–18:00 Europe/Paris");
    expect(detail.items.map((i) => [i.deviceName, i.removedAt])).toEqual([
      ["Boiler_2", T0 + 1],
      ["Gateway 1", null],
    ]);
    expect(detail.items[1]).toMatchObject({
      hardwareId: "80:00:00:00:12:34:56:78",
      services: [{ id: ssh.id, name: "SSH", kind: "SSH", port: 22 }],
    });
    expect(detail.items[0].services).toBe("all");
    expect(detail.events.map((e) => [e.type, e.actorName])).toEqual([
      ["shared", "Alice"],
      ["devices_removed", "Alice"],
      ["accepted", "Bob Builder"],
    ]);
    expect(await getShareForSharer(db, { shareId: id, sharerId: bob.id, now: T0 })).toBeNull();
  });

  it("shows an expiry in the activity at the exact time, without any job", async () => {
    const [id] = await share(alice, {
      recipients: "bob@example.com",
      deviceIds: [d1.id],
      expiresAt: T0 + HOUR,
    });
    expect(
      (await getShareForSharer(db, {
        shareId: id,
        sharerId: alice.id,
        now: T0 + HOUR - 1,
      }))!.events.map((e) => e.type),
    ).toEqual(["shared"]);
    const after = (await getShareForSharer(db, {
      shareId: id,
      sharerId: alice.id,
      now: T0 + HOUR,
    }))!;
    expect(after.events.map((e) => [e.type, e.createdAt])).toEqual([
      ["shared", T0],
      ["expired", T0 + HOUR],
    ]);
  });

  it("the recipient sees only current devices, and nothing once the share ended; others get null", async () => {
    const [id] = await share(alice, { recipients: "bob@example.com", deviceIds: [d1.id, d2.id] });
    await cancelDevices(db, { shareId: id, sharerId: alice.id, deviceIds: [d2.id], now: T0 + 1 });
    const pending = (await getShareForRecipient(db, { shareId: id, user: bob, now: T0 + 2 }))!;
    expect(pending.items.map((i) => i.deviceName)).toEqual(["Gateway 1"]);
    expect(pending.access.allowed).toBe(false);
    await acceptShare(db, { shareId: id, user: bob, now: T0 + 2 });
    const active = (await getShareForRecipient(db, { shareId: id, user: bob, now: T0 + 3 }))!;
    expect(active).toMatchObject({
      status: "Active",
      access: { allowed: true },
      sharer: { name: "Alice" },
    });
    expect("tokenHash" in active.share).toBe(false);
    expect(await getShareForRecipient(db, { shareId: id, user: carol, now: T0 + 3 })).toBeNull();
    expect(await getShareForRecipient(db, { shareId: id, user: alice, now: T0 + 3 })).toBeNull();
    await cancelShare(db, { shareId: id, sharerId: alice.id, now: T0 + 4 });
    const ended = (await getShareForRecipient(db, { shareId: id, user: bob, now: T0 + 5 }))!;
    expect(ended).toMatchObject({ status: "Cancelled", items: [], deviceCount: 1, timeLeft: null });
  });
});

describe("status is identical on both sides", () => {
  it("for every lifecycle state, including the exact expiry millisecond", async () => {
    const names = ["pending", "active", "declined", "left", "cancelled", "expiring"] as const;
    const users: Record<string, User> = {};
    const ids: Record<string, string> = {};
    for (const n of names) {
      users[n] = await makeUser(db, { email: `${n}@example.com` });
      ids[n] = (
        await share(alice, {
          recipients: `${n}@example.com`,
          deviceIds: [d1.id],
          expiresAt: T0 + HOUR,
        })
      )[0];
    }
    for (const n of ["active", "left", "expiring"] as const)
      await acceptShare(db, { shareId: ids[n], user: users[n], now: T0 + 1 });
    await declineShare(db, { shareId: ids.declined, user: users.declined, now: T0 + 2 });
    await leaveShare(db, { shareId: ids.left, user: users.left, now: T0 + 2 });
    await cancelShare(db, { shareId: ids.cancelled, sharerId: alice.id, now: T0 + 2 });

    const expected: Record<number, Record<(typeof names)[number], EffectiveStatus>> = {
      [T0 + HOUR - 1]: {
        pending: "Pending",
        active: "Active",
        declined: "Declined",
        left: "Left",
        cancelled: "Cancelled",
        expiring: "Active",
      },
      [T0 + HOUR]: {
        pending: "Expired",
        active: "Expired",
        declined: "Declined",
        left: "Left",
        cancelled: "Cancelled",
        expiring: "Expired",
      },
    };
    for (const now of [T0 + HOUR - 1, T0 + HOUR]) {
      const byMe = new Map(
        (await listSharedByMe(db, { sharerId: alice.id, now, pageSize: 100 })).rows.map((r) => [
          r.share.id,
          r.status,
        ]),
      );
      for (const n of names) {
        const withMe = (await listSharedWithMe(db, { user: users[n], now })).groups[0].shares[0]
          .status;
        const sharerDetail = (await getShareForSharer(db, {
          shareId: ids[n],
          sharerId: alice.id,
          now,
        }))!.status;
        const recipientDetail = (await getShareForRecipient(db, {
          shareId: ids[n],
          user: users[n],
          now,
        }))!.status;
        expect(
          [byMe.get(ids[n]), withMe, sharerDetail, recipientDetail],
          `${n} at ${now - T0}`,
        ).toEqual(Array(4).fill(expected[now][n]));
        expect(
          (
            await listSharedByMe(db, { sharerId: alice.id, now, status: expected[now][n] })
          ).rows.some((r) => r.share.id === ids[n]),
        ).toBe(true);
        expect(
          (await listSharedWithMe(db, { user: users[n], now, status: expected[now][n] })).total,
        ).toBe(1);
      }
    }
  });
});
