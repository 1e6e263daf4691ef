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

beforeEach(() => {
  db = testDb();
  alice = makeUser(db, { email: "alice@example.com", name: "Alice" });
  bob = makeUser(db, { email: "bob@example.com", name: "Bob Builder" });
  carol = makeUser(db, { email: "carol@example.com", name: "Carol" });
  zoe = makeUser(db, { email: "zoe@example.com", name: "Zoe" });
  d1 = makeDevice(db, {
    ownerId: alice.id,
    name: "Gateway 1",
    hardwareId: "80:00:00:00:12:34:56:78",
  });
  d2 = makeDevice(db, { ownerId: alice.id, name: "Boiler_2" });
  d3 = makeDevice(db, { ownerId: zoe.id, name: "Zoe's lock" });
});

const share = (sharer: User, over: Parameters<typeof shareRequest>[0], now = T0) =>
  shareDevices(db, { sharerId: sharer.id, now, input: shareRequest(over) }).shares.map(
    (s) => s.shareId,
  );

describe("listSharedByMe", () => {
  it("lists one row per recipient with name, device count, status and time left", () => {
    share(alice, {
      recipients: "bob@example.com, newcomer@example.com",
      deviceIds: [d1.id, d2.id],
      expiresAt: T0 + 3 * DAY + HOUR,
    });
    const { rows, total } = listSharedByMe(db, { sharerId: alice.id, now: T0, sort: "recipient" });
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
    expect(listSharedByMe(db, { sharerId: bob.id, now: T0 }).total).toBe(0);
  });

  it("counts current devices only, and knows a recipient who signed up later", () => {
    const [id] = share(alice, { recipients: "late@example.com", deviceIds: [d1.id, d2.id] });
    cancelDevices(db, { shareId: id, sharerId: alice.id, deviceIds: [d2.id], now: T0 + 1 });
    makeUser(db, { email: "late@example.com", name: "Late Comer" });
    const [r] = listSharedByMe(db, { sharerId: alice.id, now: T0 + 2 }).rows;
    expect([r.deviceCount, r.recipientName]).toEqual([1, "Late Comer"]);
  });

  it("filters by effective status in SQL, exact at the expiry ms, with right totals and pages", () => {
    const soon = share(alice, {
      recipients: "a1@x.com, a2@x.com, a3@x.com",
      deviceIds: [d1.id],
      expiresAt: T0 + HOUR,
    });
    share(
      alice,
      { recipients: "b1@x.com, b2@x.com", deviceIds: [d1.id], expiresAt: T0 + DAY },
      T0 + 1,
    );
    cancelShare(db, { shareId: soon[0], sharerId: alice.id, now: T0 + 2 });
    const count = (status: EffectiveStatus, now: number) =>
      listSharedByMe(db, { sharerId: alice.id, now, status }).total;
    expect([
      count("Pending", T0 + HOUR - 1),
      count("Expired", T0 + HOUR - 1),
      count("Cancelled", T0 + HOUR - 1),
    ]).toEqual([4, 0, 1]);
    expect([
      count("Pending", T0 + HOUR),
      count("Expired", T0 + HOUR),
      count("Cancelled", T0 + HOUR),
    ]).toEqual([2, 2, 1]);
    const p1 = listSharedByMe(db, {
      sharerId: alice.id,
      now: T0 + HOUR,
      status: "Expired",
      page: 1,
      pageSize: 1,
    });
    const p2 = listSharedByMe(db, {
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

  it("searches recipient email and name, description and device name; wildcards are literal", () => {
    share(alice, { recipients: "bob@example.com", deviceIds: [d1.id], description: "Boiler room" });
    share(alice, { recipients: "carol@example.com", deviceIds: [d2.id] });
    const find = (q: string) =>
      listSharedByMe(db, { sharerId: alice.id, now: T0, q, sort: "recipient" }).rows.map(
        (r) => r.share.recipientEmail,
      );
    expect(find("BUILDER")).toEqual(["bob@example.com"]);
    expect(find("carol@")).toEqual(["carol@example.com"]);
    expect(find("boiler")).toEqual(["bob@example.com", "carol@example.com"]); // description, device name
    expect(find("gateway")).toEqual(["bob@example.com"]);
    expect(find("r_2")).toEqual(["carol@example.com"]);
    expect(find("%")).toEqual([]);
    expect(find("  ")).toHaveLength(2);
  });

  it("sorts by expiry with permanent shares last", () => {
    share(alice, { recipients: "p@x.com", deviceIds: [d1.id], expiresAt: null });
    share(alice, { recipients: "late@x.com", deviceIds: [d1.id], expiresAt: T0 + 2 * DAY });
    share(alice, { recipients: "early@x.com", deviceIds: [d1.id], expiresAt: T0 + DAY });
    const rows = listSharedByMe(db, { sharerId: alice.id, now: T0, sort: "expires" }).rows;
    expect(rows.map((r) => r.share.recipientEmail)).toEqual([
      "early@x.com",
      "late@x.com",
      "p@x.com",
    ]);
    expect(rows[2].timeLeft).toBe("permanent");
  });
});

describe("listSharedWithMe", () => {
  it("groups by sharer; pending shares are found by email, accepted ones by user", () => {
    const [fromAlice] = share(alice, { recipients: "bob@example.com", deviceIds: [d1.id, d2.id] });
    share(zoe, { recipients: "bob@example.com", deviceIds: [d3.id] });
    share(alice, { recipients: "carol@example.com", deviceIds: [d1.id] });
    acceptShare(db, { shareId: fromAlice, user: bob, now: T0 + 1 });
    const { groups, total } = listSharedWithMe(db, { user: bob, now: T0 + 2 });
    expect(total).toBe(2);
    expect(
      groups.map((g) => [g.sharer.name, g.shares.map((s) => [s.status, s.deviceCount])]),
    ).toEqual([
      ["Alice", [["Active", 2]]],
      ["Zoe", [["Pending", 1]]],
    ]);
    expect(listSharedWithMe(db, { user: bob, now: T0 + 2, status: "Pending" }).total).toBe(1);
    expect(
      listSharedWithMe(db, { user: bob, now: T0 + 2, q: "lock" }).groups.map((g) => g.sharer.name),
    ).toEqual(["Zoe"]);
    expect(
      listSharedWithMe(db, { user: bob, now: T0 + 2, q: "alice@" }).groups.map(
        (g) => g.sharer.name,
      ),
    ).toEqual(["Alice"]);
  });

  it("reaches a newcomer who signs up after being invited", () => {
    share(alice, { recipients: "newcomer@example.com", deviceIds: [d1.id] });
    const newcomer = makeUser(db, { email: "newcomer@example.com" });
    expect(listSharedWithMe(db, { user: newcomer, now: T0 }).total).toBe(1);
  });
});

describe("share details", () => {
  it("the sharer sees items with services, removed ones, and the activity", () => {
    const ssh = makeService(db, { deviceId: d1.id, name: "SSH", port: 22 });
    makeService(db, { deviceId: d1.id, name: "Web", kind: "HTTP", port: 80 });
    const [id] = share(alice, {
      recipients: "bob@example.com",
      deviceIds: [d1.id, d2.id],
      services: { [d1.id]: [ssh.id] },
      permissions: "Operator",
      schedule: { weekdays: 31, windowStart: 480, windowEnd: 1080, timeZone: "Europe/Paris" },
    });
    cancelDevices(db, { shareId: id, sharerId: alice.id, deviceIds: [d2.id], now: T0 + 1 });
    acceptShare(db, { shareId: id, user: bob, now: T0 + 2 });
    const detail = getShareForSharer(db, { shareId: id, sharerId: alice.id, now: T0 + 3 })!;
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
    expect(getShareForSharer(db, { shareId: id, sharerId: bob.id, now: T0 })).toBeNull();
  });

  it("shows an expiry in the activity at the exact time, without any job", () => {
    const [id] = share(alice, {
      recipients: "bob@example.com",
      deviceIds: [d1.id],
      expiresAt: T0 + HOUR,
    });
    expect(
      getShareForSharer(db, { shareId: id, sharerId: alice.id, now: T0 + HOUR - 1 })!.events.map(
        (e) => e.type,
      ),
    ).toEqual(["shared"]);
    const after = getShareForSharer(db, { shareId: id, sharerId: alice.id, now: T0 + HOUR })!;
    expect(after.events.map((e) => [e.type, e.createdAt])).toEqual([
      ["shared", T0],
      ["expired", T0 + HOUR],
    ]);
  });

  it("the recipient sees only current devices, and nothing once the share ended; others get null", () => {
    const [id] = share(alice, { recipients: "bob@example.com", deviceIds: [d1.id, d2.id] });
    cancelDevices(db, { shareId: id, sharerId: alice.id, deviceIds: [d2.id], now: T0 + 1 });
    const pending = getShareForRecipient(db, { shareId: id, user: bob, now: T0 + 2 })!;
    expect(pending.items.map((i) => i.deviceName)).toEqual(["Gateway 1"]);
    expect(pending.access.allowed).toBe(false);
    acceptShare(db, { shareId: id, user: bob, now: T0 + 2 });
    const active = getShareForRecipient(db, { shareId: id, user: bob, now: T0 + 3 })!;
    expect(active).toMatchObject({
      status: "Active",
      access: { allowed: true },
      sharer: { name: "Alice" },
    });
    expect("tokenHash" in active.share).toBe(false);
    expect(getShareForRecipient(db, { shareId: id, user: carol, now: T0 + 3 })).toBeNull();
    expect(getShareForRecipient(db, { shareId: id, user: alice, now: T0 + 3 })).toBeNull();
    cancelShare(db, { shareId: id, sharerId: alice.id, now: T0 + 4 });
    const ended = getShareForRecipient(db, { shareId: id, user: bob, now: T0 + 5 })!;
    expect(ended).toMatchObject({ status: "Cancelled", items: [], deviceCount: 1, timeLeft: null });
  });
});

describe("status is identical on both sides", () => {
  it("for every lifecycle state, including the exact expiry millisecond", () => {
    const names = ["pending", "active", "declined", "left", "cancelled", "expiring"] as const;
    const users = Object.fromEntries(
      names.map((n) => [n, makeUser(db, { email: `${n}@example.com` })]),
    );
    const ids = Object.fromEntries(
      names.map((n) => [
        n,
        share(alice, {
          recipients: `${n}@example.com`,
          deviceIds: [d1.id],
          expiresAt: T0 + HOUR,
        })[0],
      ]),
    );
    for (const n of ["active", "left", "expiring"] as const)
      acceptShare(db, { shareId: ids[n], user: users[n], now: T0 + 1 });
    declineShare(db, { shareId: ids.declined, user: users.declined, now: T0 + 2 });
    leaveShare(db, { shareId: ids.left, user: users.left, now: T0 + 2 });
    cancelShare(db, { shareId: ids.cancelled, sharerId: alice.id, now: T0 + 2 });

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
        listSharedByMe(db, { sharerId: alice.id, now, pageSize: 100 }).rows.map((r) => [
          r.share.id,
          r.status,
        ]),
      );
      for (const n of names) {
        const withMe = listSharedWithMe(db, { user: users[n], now }).groups[0].shares[0].status;
        const sharerDetail = getShareForSharer(db, {
          shareId: ids[n],
          sharerId: alice.id,
          now,
        })!.status;
        const recipientDetail = getShareForRecipient(db, {
          shareId: ids[n],
          user: users[n],
          now,
        })!.status;
        expect(
          [byMe.get(ids[n]), withMe, sharerDetail, recipientDetail],
          `${n} at ${now - T0}`,
        ).toEqual(Array(4).fill(expected[now][n]));
        expect(
          listSharedByMe(db, { sharerId: alice.id, now, status: expected[now][n] }).rows.some(
            (r) => r.share.id === ids[n],
          ),
        ).toBe(true);
        expect(listSharedWithMe(db, { user: users[n], now, status: expected[now][n] }).total).toBe(
          1,
        );
      }
    }
  });
});
