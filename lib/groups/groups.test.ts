// Every rule of groups (issue 16): live membership, delete-and-recreate, leaving for oneself,
// direct beats group, the conflict preview, and who a group share reaches.
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { transaction, type Db } from "@/db/client";
import { emails, shareEvents, shares, users, type Device, type User } from "@/db/schema";
import { checkAccess, describeSource, listAccessibleDevices } from "@/lib/access/check";
import { DomainError, NotFoundError } from "@/lib/platform/errors";
import { spendInvitations } from "@/lib/sharing/invite-quota";
import { ShareConflictError, type Caller } from "@/lib/sharing/share-store";
import { acceptShare, declineShare, leaveShare } from "@/lib/sharing/lifecycle";
import { cancelShare } from "@/lib/sharing/manage-share";
import { listSharedByMe, listSharedWithMe } from "@/lib/sharing/queries";
import { getShareForRecipient, getShareForSharer } from "@/lib/sharing/share-details";
import { shareDevices } from "@/lib/sharing/share-devices";
import { DAY, makeDevice, makeUser, shareRequest, T0, testDb } from "@/lib/sharing/test-fixtures";
import { leaveGroupShare, listLeavers } from "./group-shares";
import { notifyGroupMembers, resolveMemberLink } from "./notify";
import {
  addMembers,
  createGroup,
  deleteGroup,
  getGroup,
  listOwnGroups,
  removeMember,
  renameGroup,
} from "./store";

let db: Db;
let owner: User, ana: User, ben: User;
let d1: Device, d2: Device, d3: Device;

beforeEach(async () => {
  db = await testDb();
  owner = await makeUser(db, { email: "owner@example.com", name: "Owner" });
  ana = await makeUser(db, { email: "ana@example.com", name: "Ana" });
  ben = await makeUser(db, { email: "ben@example.com", name: "Ben" });
  d1 = await makeDevice(db, { ownerId: owner.id, name: "Gateway 1" });
  d2 = await makeDevice(db, { ownerId: owner.id, name: "Gateway 2" });
  d3 = await makeDevice(db, { ownerId: owner.id, name: "Lock 3" });
});

const group = async (name: string, members: string[]) =>
  (await createGroup(db, { ownerId: owner.id, name, members, now: T0 })).group;

function shareWithGroup(groupId: string, over: Partial<Parameters<typeof shareRequest>[0]> = {}) {
  return shareDevices(db, {
    sharerId: owner.id,
    now: T0,
    input: shareRequest({
      recipients: [],
      groups: [groupId],
      deviceIds: [d1.id, d2.id, d3.id],
      ...over,
    }),
  });
}

const check = (
  user: User,
  deviceId = d1.id,
  operation: "view" | "operate" = "view",
  now = T0 + 1,
) => checkAccess(db, { userId: user.id, deviceId, operation, now });
const caller = (u: User): Caller => ({ id: u.id, email: u.email, emailVerified: u.emailVerified });
const withMe = (u: User) => listSharedWithMe(db, { user: caller(u), now: T0 + 1 });

describe("groups: the owner's side", () => {
  it("names are unique per owner regardless of case; another owner may reuse a name", async () => {
    await group("Night shift", ["ana@example.com"]);
    await expect(group("night SHIFT", [])).rejects.toThrow(/already have a group named/);
    const other = await createGroup(db, {
      ownerId: ana.id,
      name: "Night shift",
      members: [],
      now: T0,
    });
    expect(other.group.ownerId).toBe(ana.id);
    const g2 = await group("Day shift", []);
    await expect(
      renameGroup(db, { ownerId: owner.id, groupId: g2.id, name: "NIGHT shift" }),
    ).rejects.toThrow(/already have a group named/);
  });

  it("refuses the owner as a member (Rule 4) and writes nothing", async () => {
    await expect(group("Me", ["owner@example.com", "ana@example.com"])).rejects.toThrow(
      /cannot add yourself/,
    );
    expect(await listOwnGroups(db, owner.id)).toEqual([]);
  });

  it("lists groups with member counts; another owner's group is not found", async () => {
    const g = await group("Crew", ["ana@example.com", "ben@example.com", "ana@example.com"]);
    expect(await listOwnGroups(db, owner.id)).toMatchObject([
      { id: g.id, name: "Crew", memberCount: 2 },
    ]);
    await expect(getGroup(db, { ownerId: ana.id, groupId: g.id, now: T0 })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      addMembers(db, { ownerId: ana.id, groupId: g.id, emails: ["x@example.com"], now: T0 }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      removeMember(db, { ownerId: ana.id, groupId: g.id, email: "ana@example.com", now: T0 }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      deleteGroup(db, { ownerId: ana.id, groupId: g.id, now: T0 }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("sharing with a group: live membership", () => {
  it("members have access at once, without accepting, and see it via the group", async () => {
    const g = await group("Crew", ["ana@example.com", "ben@example.com"]);
    const r = await shareWithGroup(g.id);
    expect(r.shares).toEqual([]);
    expect(r.groupShares).toMatchObject([{ groupId: g.id, groupName: "Crew" }]);
    const stored = (
      await db.select().from(shares).where(eq(shares.id, r.groupShares[0].shareId))
    )[0]!;
    expect(stored).toMatchObject({
      status: "active",
      groupId: g.id,
      tokenHash: null,
      recipientId: null,
    });
    for (const u of [ana, ben]) {
      const res = await check(u);
      expect(res).toMatchObject({ allowed: true, reason: "shared", via: "Crew" });
      expect(describeSource(res)).toBe("shared via group Crew");
      expect(
        (await listAccessibleDevices(db, { userId: u.id, now: T0 + 1 })).map((d) => d.name),
      ).toEqual(["Gateway 1", "Gateway 2", "Lock 3"]);
      const received = await withMe(u);
      expect(received.groups[0].shares).toMatchObject([
        { groupName: "Crew", status: "Active", deviceCount: 3 },
      ]);
    }
    // The sharer sees one row named by the group, with its member count.
    const byMe = await listSharedByMe(db, { sharerId: owner.id, now: T0 + 1 });
    expect(byMe.rows).toMatchObject([{ groupName: "Crew", memberCount: 2, deviceCount: 3 }]);
  });

  it("add-after-share: a member added later has access at once and gets the invitation", async () => {
    const g = await group("Crew", ["ana@example.com"]);
    const r = await shareWithGroup(g.id, { notify: true });
    expect((await check(ben)).allowed).toBe(false);
    const { added } = await addMembers(db, {
      ownerId: owner.id,
      groupId: g.id,
      emails: ["ben@example.com"],
      now: T0 + 10,
    });
    expect(added.map((m) => m.email)).toEqual(["ben@example.com"]);
    expect(await check(ben, d1.id, "view", T0 + 11)).toMatchObject({ allowed: true, via: "Crew" });
    const sent = await notifyGroupMembers(db, owner, {
      groupId: g.id,
      emails: ["ben@example.com"],
      now: T0 + 10,
    });
    expect(sent).toBe(1);
    const mail = await db.select().from(emails).where(eq(emails.to, "ben@example.com"));
    expect(mail).toHaveLength(1);
    expect(mail[0].text).toMatch(/\/g\/[A-Za-z0-9_-]{43}/);
    const events = await db
      .select()
      .from(shareEvents)
      .where(eq(shareEvents.shareId, r.groupShares[0].shareId));
    expect(events.map((e) => e.type)).toContain("member_added");
  });

  it("remove: a removed member loses access at once, and the share disappears for them", async () => {
    const g = await group("Crew", ["ana@example.com", "ben@example.com"]);
    const shareId = (await shareWithGroup(g.id)).groupShares[0].shareId;
    await removeMember(db, {
      ownerId: owner.id,
      groupId: g.id,
      email: "ana@example.com",
      now: T0 + 5,
    });
    expect(await check(ana)).toEqual({ allowed: false, reason: "not_shared" });
    expect(await listAccessibleDevices(db, { userId: ana.id, now: T0 + 6 })).toEqual([]);
    expect((await withMe(ana)).total).toBe(0);
    expect(await getShareForRecipient(db, { shareId, user: caller(ana), now: T0 + 6 })).toBeNull();
    expect((await check(ben)).allowed).toBe(true);
    const types = (await db.select().from(shareEvents).where(eq(shareEvents.shareId, shareId))).map(
      (e) => e.type,
    );
    expect(types).toContain("member_removed");
  });

  it("delete-and-recreate: deleting cancels the shares; a new group with the old name gets nothing", async () => {
    const g = await group("Crew", ["ana@example.com"]);
    const shareId = (await shareWithGroup(g.id)).groupShares[0].shareId;
    expect(await deleteGroup(db, { ownerId: owner.id, groupId: g.id, now: T0 + 5 })).toEqual({
      cancelledShares: 1,
    });
    expect((await db.select().from(shares).where(eq(shares.id, shareId)))[0]!.status).toBe(
      "cancelled",
    );
    expect((await check(ana, d1.id, "view", T0 + 6)).allowed).toBe(false);
    const again = await group("Crew", ["ana@example.com"]);
    expect(again.id).not.toBe(g.id);
    expect(await check(ana, d1.id, "view", T0 + 7)).toEqual({
      allowed: false,
      reason: "not_shared",
    });
    expect((await withMe(ana)).total).toBe(0);
    // The sharer's record keeps naming the old group.
    expect(
      (await getShareForSharer(db, { shareId, sharerId: owner.id, now: T0 + 7 }))!.group,
    ).toMatchObject({
      groupName: "Crew",
      memberCount: 0,
    });
  });

  it("leave-one-member: one member leaves for themselves, the others keep it, the sharer sees who left", async () => {
    const g = await group("Crew", ["ana@example.com", "ben@example.com"]);
    const shareId = (await shareWithGroup(g.id)).groupShares[0].shareId;
    await leaveGroupShare(db, { shareId, user: caller(ana), now: T0 + 5 });
    expect(await check(ana, d1.id, "view", T0 + 6)).toEqual({
      allowed: false,
      reason: "not_shared",
    });
    expect((await withMe(ana)).total).toBe(0);
    expect(await check(ben, d1.id, "view", T0 + 6)).toMatchObject({ allowed: true, via: "Crew" });
    expect(await listLeavers(db, shareId)).toEqual([{ email: "ana@example.com", leftAt: T0 + 5 }]);
    expect((await db.select().from(shares).where(eq(shares.id, shareId)))[0]!.status).toBe(
      "active",
    );
    // Leaving twice, or leaving a share that does not reach you, is a 404.
    await expect(
      leaveGroupShare(db, { shareId, user: caller(ana), now: T0 + 7 }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const carol = await makeUser(db, { email: "carol@example.com" });
    await expect(
      leaveGroupShare(db, { shareId, user: caller(carol), now: T0 + 7 }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("an account whose address is not verified is not a member yet", async () => {
    const g = await group("Crew", ["dan@example.com"]);
    const dan = await makeUser(db, { email: "dan@example.com" });
    await transaction(db, (tx) =>
      tx.update(users).set({ emailVerified: null }).where(eq(users.id, dan.id)),
    );
    const unverified = { ...dan, emailVerified: null };
    await shareWithGroup(g.id);
    expect(await check(unverified)).toEqual({ allowed: false, reason: "not_shared" });
    expect((await listSharedWithMe(db, { user: caller(unverified), now: T0 + 1 })).total).toBe(0);
  });

  it("cancelling a group share ends every member's access; the reason says cancelled", async () => {
    const g = await group("Crew", ["ana@example.com"]);
    const shareId = (await shareWithGroup(g.id)).groupShares[0].shareId;
    await cancelShare(db, { shareId, sharerId: owner.id, now: T0 + 5 });
    expect(await check(ana, d1.id, "view", T0 + 6)).toMatchObject({
      allowed: false,
      reason: "cancelled",
      via: "Crew",
    });
  });

  it("adding members over the daily invitation emails adds nobody and counts nothing", async () => {
    const g = await group("Crew", ["ana@example.com"]);
    await shareWithGroup(g.id);
    const over = addMembers(db, {
      ownerId: owner.id,
      groupId: g.id,
      emails: ["ben@example.com"],
      now: T0 + 1,
      beforeCommit: (tx, added) => spendInvitations(tx, owner.id, added.length * 1_000_000, T0),
    });
    await expect(over).rejects.toThrow(/invitation emails a day/);
    const after = await getGroup(db, { ownerId: owner.id, groupId: g.id, now: T0 + 2 });
    expect(after.members.map((m) => m.email)).toEqual(["ana@example.com"]);
    expect(await check(ben, d1.id, "view", T0 + 2)).toMatchObject({ allowed: false });
    // Within the quota: added, and counted in the same transaction.
    await addMembers(db, {
      ownerId: owner.id,
      groupId: g.id,
      emails: ["ben@example.com"],
      now: T0 + 3,
      beforeCommit: (tx, added) => spendInvitations(tx, owner.id, added.length, T0 + 3),
    });
    expect(await check(ben, d1.id, "view", T0 + 4)).toMatchObject({
      allowed: true,
      via: "Crew",
    });
  });
});

describe("direct beats group", () => {
  it("a live direct share governs where both exist, and the reason says so", async () => {
    const direct = await shareDevices(db, {
      sharerId: owner.id,
      now: T0,
      input: shareRequest({
        recipients: ["ana@example.com"],
        deviceIds: [d1.id],
        permissions: "Viewer",
      }),
    });
    await acceptShare(db, { shareId: direct.shares[0].shareId, user: caller(ana), now: T0 });
    const g = await group("Crew", ["ana@example.com"]);
    await shareWithGroup(g.id, { permissions: "Operator", skipConflicts: true });
    // The group grants operate, the direct share does not: direct wins.
    const op = await check(ana, d1.id, "operate");
    expect(op).toMatchObject({
      allowed: false,
      reason: "permission_not_granted",
      overrides: ["Crew"],
    });
    const view = await check(ana, d1.id, "view");
    expect(view).toMatchObject({ allowed: true, overrides: ["Crew"] });
    expect(describeSource(view)).toBe("shared directly, which takes precedence over group Crew");
    expect(
      (await listAccessibleDevices(db, { userId: ana.id, now: T0 + 1 })).find(
        (d) => d.deviceId === d1.id,
      ),
    ).toMatchObject({
      permissions: ["view"],
    });
    // Another device only the group reaches: the group's terms.
    expect(await check(ana, d2.id, "operate")).toMatchObject({ allowed: true, via: "Crew" });
    // Once the direct share ends, the group share applies.
    await cancelShare(db, { shareId: direct.shares[0].shareId, sharerId: owner.id, now: T0 + 5 });
    expect(await check(ana, d1.id, "operate", T0 + 6)).toMatchObject({
      allowed: true,
      via: "Crew",
    });
  });
});

describe("conflict preview (Rule 2 for the people a group reaches)", () => {
  it("lists a member holding a live direct share of the device; nothing is written until skipped", async () => {
    const direct = await shareDevices(db, {
      sharerId: owner.id,
      now: T0,
      input: shareRequest({ recipients: ["ben@example.com"], deviceIds: [d2.id] }),
    });
    const g = await group("Crew", ["ana@example.com", "ben@example.com"]);
    let err: unknown;
    try {
      await shareWithGroup(g.id);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ShareConflictError);
    expect((err as ShareConflictError).conflicts).toMatchObject([
      {
        deviceId: d2.id,
        recipientEmail: 'ben@example.com (member of "Crew")',
        shareId: direct.shares[0].shareId,
      },
    ]);
    expect(await db.select().from(shares).where(eq(shares.groupId, g.id))).toEqual([]);
    const r = await shareWithGroup(g.id, { skipConflicts: true });
    expect(r.groupShares).toHaveLength(1);
  });

  it("the group itself holds one live item per device (Rule 2): sharing again names the group", async () => {
    const g = await group("Crew", ["ana@example.com"]);
    await shareWithGroup(g.id, { deviceIds: [d1.id] });
    await expect(async () => shareWithGroup(g.id, { deviceIds: [d1.id] })).rejects.toThrow(
      /group "Crew"/,
    );
  });

  it("another owner's group, or a made-up id, is not found and nothing is written", async () => {
    const foreign = await createGroup(db, {
      ownerId: ana.id,
      name: "Theirs",
      members: [],
      now: T0,
    });
    await expect(async () => shareWithGroup(foreign.group.id)).rejects.toThrow(DomainError);
    await expect(async () => shareWithGroup("nope")).rejects.toThrow(/Group not found/);
    expect(await db.select().from(shares)).toEqual([]);
  });

  it("recipients or groups: at least one is required", async () => {
    await expect(async () =>
      shareDevices(db, {
        sharerId: owner.id,
        now: T0,
        input: shareRequest({ recipients: [], deviceIds: [d1.id] }),
      }),
    ).rejects.toThrow();
  });
});

describe("expiry and status of group shares", () => {
  it("an expired group share gives nothing and says expired", async () => {
    const g = await group("Crew", ["ana@example.com"]);
    await shareWithGroup(g.id, { expiresAt: T0 + DAY });
    expect(await check(ana, d1.id, "view", T0 + 2 * DAY)).toMatchObject({
      allowed: false,
      reason: "expired",
      via: "Crew",
    });
  });
});

describe("who has access lists each member via the group", () => {
  it("members now (not those removed or who left), direct beating group in a cell", async () => {
    const { accessMatrix, accessRows, cellKey } = await import("@/lib/access/matrix/query");
    const { parseMatrixFilters } = await import("@/lib/access/matrix/filters");
    const g = await group("Crew", ["ana@example.com", "ben@example.com", "cid@example.com"]);
    const shareId = (await shareWithGroup(g.id, { deviceIds: [d1.id, d2.id] })).groupShares[0]
      .shareId;
    const direct = await shareDevices(db, {
      sharerId: owner.id,
      now: T0,
      input: shareRequest({ recipients: ["ben@example.com"], deviceIds: [d3.id] }),
    });
    await removeMember(db, { ownerId: owner.id, groupId: g.id, email: "cid@example.com", now: T0 });
    await leaveGroupShare(db, { shareId, user: caller(ana), now: T0 });
    const m = await accessMatrix(db, { ownerId: owner.id, now: T0 + 1, ...parseMatrixFilters({}) });
    expect(m.recipients.map((r) => [r.email, r.via])).toEqual([["ben@example.com", null]]);
    expect(m.cells[cellKey(d1.id, "ben@example.com")]).toMatchObject({ shareId, via: "Crew" });
    expect(m.cells[cellKey(d3.id, "ben@example.com")]).toMatchObject({
      shareId: direct.shares[0].shareId,
      via: null,
    });
    const rows = await accessRows(db, {
      ownerId: owner.id,
      now: T0 + 1,
      ...parseMatrixFilters({}),
    });
    expect(rows.map((r) => [r.name, r.email, r.via])).toEqual([
      ["Gateway 1", "ben@example.com", "Crew"],
      ["Gateway 2", "ben@example.com", "Crew"],
      ["Lock 3", "ben@example.com", null],
    ]);
  });
});

describe("the sharing policy binds group members too", () => {
  it("refuses members outside the allowed domains, and writes nothing", async () => {
    const { sharingPolicies } = await import("@/db/schema");
    await transaction(db, (tx) =>
      tx.insert(sharingPolicies).values({
        ownerId: owner.id,
        defaultExpiry: "7d",
        allowedDomains: "example.com",
        updatedAt: T0,
      }),
    );
    await expect(group("Crew", ["ana@example.com", "eve@evil.test"])).rejects.toThrow(
      /eve@evil.test/,
    );
    expect(await listOwnGroups(db, owner.id)).toEqual([]);
    const g = await group("Crew", ["ana@example.com"]);
    await expect(
      addMembers(db, { ownerId: owner.id, groupId: g.id, emails: ["eve@evil.test"], now: T0 }),
    ).rejects.toThrow(/sharing policy/);
  });
});

describe("as an attacker", () => {
  it("a member cannot act as the sharer, nor accept, decline or leave the share as a whole", async () => {
    const g = await group("Crew", ["ana@example.com", "ben@example.com"]);
    const shareId = (await shareWithGroup(g.id)).groupShares[0].shareId;
    await expect(
      cancelShare(db, { shareId, sharerId: ana.id, now: T0 + 2 }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await getShareForSharer(db, { shareId, sharerId: ana.id, now: T0 + 2 })).toBeNull();
    await expect(
      acceptShare(db, { shareId, user: caller(ana), now: T0 + 2 }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      declineShare(db, { shareId, user: caller(ana), now: T0 + 2 }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      leaveShare(db, { shareId, user: caller(ana), now: T0 + 2 }),
    ).rejects.toBeInstanceOf(NotFoundError);
    // Nothing changed for anyone.
    expect(await check(ben, d1.id, "view", T0 + 3)).toMatchObject({ allowed: true, via: "Crew" });
    expect(await check(ana, d1.id, "view", T0 + 3)).toMatchObject({ allowed: true, via: "Crew" });
  });

  it("a former member's link and share are dead; a member of another owner's group reaches only that owner's devices", async () => {
    const { added } = await createGroup(db, {
      ownerId: owner.id,
      name: "Crew",
      members: ["ana@example.com", "ben@example.com"],
      now: T0,
    });
    const [g] = await listOwnGroups(db, owner.id);
    const shareId = (await shareWithGroup(g.id)).groupShares[0].shareId;
    const anaToken = added.find((m) => m.email === "ana@example.com")!.token;
    expect(await resolveMemberLink(db, anaToken)).toMatchObject({ email: "ana@example.com" });
    await removeMember(db, {
      ownerId: owner.id,
      groupId: g.id,
      email: "ana@example.com",
      now: T0 + 2,
    });
    expect(await resolveMemberLink(db, anaToken)).toBeNull();
    expect(await getShareForRecipient(db, { shareId, user: caller(ana), now: T0 + 3 })).toBeNull();
    await expect(
      leaveGroupShare(db, { shareId, user: caller(ana), now: T0 + 3 }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await listAccessibleDevices(db, { userId: ana.id, now: T0 + 3 })).toEqual([]);

    // Another owner's group with Ana in it gives her that owner's device, never this owner's.
    const other = await makeUser(db, { email: "other@example.com", name: "Other" });
    const theirs = await makeDevice(db, { ownerId: other.id, name: "Their gateway" });
    const og = (
      await createGroup(db, { ownerId: other.id, name: "Crew", members: [ana.email], now: T0 })
    ).group;
    await shareDevices(db, {
      sharerId: other.id,
      now: T0,
      input: shareRequest({ recipients: [], groups: [og.id], deviceIds: [theirs.id] }),
    });
    expect((await check(ana, theirs.id, "view", T0 + 4)).allowed).toBe(true);
    expect((await check(ana, d1.id, "view", T0 + 4)).allowed).toBe(false);
    // Nor can the other owner send this owner's devices through their own group.
    await expect(
      shareDevices(db, {
        sharerId: other.id,
        now: T0,
        input: shareRequest({ recipients: [], groups: [og.id], deviceIds: [d2.id] }),
      }),
    ).rejects.toThrow();
    expect((await check(ana, d2.id, "view", T0 + 4)).allowed).toBe(false);
  });

  it("deleting a group kills its member links; the recreated group's links are new", async () => {
    const first = await createGroup(db, {
      ownerId: owner.id,
      name: "Crew",
      members: ["ana@example.com"],
      now: T0,
    });
    await deleteGroup(db, { ownerId: owner.id, groupId: first.group.id, now: T0 + 1 });
    expect(await resolveMemberLink(db, first.added[0].token)).toBeNull();
    const second = await createGroup(db, {
      ownerId: owner.id,
      name: "crew",
      members: ["ana@example.com"],
      now: T0 + 2,
    });
    expect(second.added[0].token).not.toBe(first.added[0].token);
    expect(await resolveMemberLink(db, second.added[0].token)).toMatchObject({
      groupId: second.group.id,
    });
  });
});
