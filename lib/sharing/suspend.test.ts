import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { shareEvents, shares, type Device, type User } from "@/db/schema";
import { checkAccess } from "@/lib/access/check";
import { DomainError, NotFoundError } from "@/lib/platform/errors";
import { acceptShare, leaveShare } from "./lifecycle";
import { cancelShare, extendShare } from "./manage-share";
import { listSharedByMe, listSharedWithMe } from "./queries";
import { shareDevices } from "./share-devices";
import { getShareForRecipient } from "./share-details";
import { resumeShare, suspendShare } from "./suspend";
import { DAY, HOUR, makeDevice, makeUser, shareRequest, T0, testDb } from "./test-fixtures";

let db: Db;
let alice: User, bob: User, eve: User;
let dev: Device;
let id: string;

beforeEach(async () => {
  db = await testDb();
  alice = await makeUser(db, { email: "alice@example.com", name: "Alice" });
  bob = await makeUser(db, { email: "bob@example.com", name: "Bob" });
  eve = await makeUser(db, { email: "eve@example.com", name: "Eve" });
  dev = await makeDevice(db, { ownerId: alice.id, name: "Gate" });
  id = (
    await shareDevices(db, {
      sharerId: alice.id,
      now: T0,
      input: shareRequest({ recipients: bob.email, deviceIds: [dev.id], permissions: "Operator" }),
    })
  ).shares[0].shareId;
});

const accept = () => acceptShare(db, { shareId: id, user: bob, now: T0 });
const canView = (now: number) =>
  checkAccess(db, { userId: bob.id, deviceId: dev.id, operation: "view", now });
const events = async () =>
  (await db.select().from(shareEvents).where(eq(shareEvents.shareId, id))).map((e) => e.type);
const refusal = async (fn: () => unknown) => {
  try {
    await fn();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error("expected a refusal");
};

describe("suspend and resume", () => {
  it("the access check refuses while suspended and allows again after resuming", async () => {
    await accept();
    expect(await canView(T0 + HOUR)).toMatchObject({ allowed: true });
    await suspendShare(db, { shareId: id, sharerId: alice.id, now: T0 + HOUR });
    expect(await canView(T0 + 2 * HOUR)).toEqual({
      allowed: false,
      reason: "suspended",
      shareId: id,
    });
    expect(
      await checkAccess(db, {
        userId: bob.id,
        deviceId: dev.id,
        operation: "operate",
        now: T0 + 2 * HOUR,
      }),
    ).toMatchObject({ allowed: false, reason: "suspended" });
    await resumeShare(db, { shareId: id, sharerId: alice.id, now: T0 + 3 * HOUR });
    expect(await canView(T0 + 3 * HOUR)).toMatchObject({ allowed: true, reason: "shared" });
    expect(await events()).toEqual(["shared", "accepted", "suspended", "resumed"]);
  });

  it("shows Suspended on both sides and in the status filter", async () => {
    await accept();
    await suspendShare(db, { shareId: id, sharerId: alice.id, now: T0 + HOUR });
    const now = T0 + 2 * HOUR;
    expect((await listSharedByMe(db, { sharerId: alice.id, now })).rows[0].status).toBe(
      "Suspended",
    );
    expect((await listSharedByMe(db, { sharerId: alice.id, now, status: "Suspended" })).total).toBe(
      1,
    );
    expect((await listSharedByMe(db, { sharerId: alice.id, now, status: "Active" })).total).toBe(0);
    expect((await listSharedWithMe(db, { user: bob, now })).groups[0].shares[0].status).toBe(
      "Suspended",
    );
    expect((await getShareForRecipient(db, { shareId: id, user: bob, now }))!.status).toBe(
      "Suspended",
    );
  });

  it("keeps devices, permissions and expiry; the share can still be extended, left or cancelled", async () => {
    await accept();
    await suspendShare(db, { shareId: id, sharerId: alice.id, now: T0 + HOUR });
    const row = (await db.select().from(shares).where(eq(shares.id, id)))[0]!;
    expect(row).toMatchObject({
      status: "active",
      permissions: "view,operate",
      suspendedAt: T0 + HOUR,
    });
    await extendShare(db, { shareId: id, sharerId: alice.id, extendBy: DAY, now: T0 + 2 * HOUR });
    await leaveShare(db, { shareId: id, user: bob, now: T0 + 3 * HOUR });
    expect(
      (
        await refusal(() =>
          resumeShare(db, { shareId: id, sharerId: alice.id, now: T0 + 4 * HOUR }),
        )
      ).message,
    ).toBe("This share is left; it cannot be resumed.");
  });

  it("only the sharer, only an accepted share, never twice", async () => {
    expect(
      (await refusal(() => suspendShare(db, { shareId: id, sharerId: alice.id, now: T0 }))).message,
    ).toBe("This share has not been accepted yet; cancel it instead.");
    await accept();
    expect(
      await refusal(() => suspendShare(db, { shareId: id, sharerId: bob.id, now: T0 })),
    ).toBeInstanceOf(NotFoundError);
    expect(
      await refusal(() => suspendShare(db, { shareId: id, sharerId: eve.id, now: T0 })),
    ).toBeInstanceOf(NotFoundError);
    expect(
      (await refusal(() => resumeShare(db, { shareId: id, sharerId: alice.id, now: T0 }))).message,
    ).toBe("This share is not suspended.");
    await suspendShare(db, { shareId: id, sharerId: alice.id, now: T0 });
    expect(
      (await refusal(() => suspendShare(db, { shareId: id, sharerId: alice.id, now: T0 }))).message,
    ).toBe("This share is already suspended.");
    expect(await events()).toEqual(["shared", "accepted", "suspended"]);
  });

  it("refuses expired and cancelled shares", async () => {
    await accept();
    expect(
      (
        await refusal(() =>
          suspendShare(db, { shareId: id, sharerId: alice.id, now: T0 + 30 * DAY }),
        )
      ).message,
    ).toBe("This share is expired; it cannot be suspended.");
    await cancelShare(db, { shareId: id, sharerId: alice.id, now: T0 + HOUR });
    expect(
      (await refusal(() => suspendShare(db, { shareId: id, sharerId: alice.id, now: T0 + HOUR })))
        .message,
    ).toBe("This share is cancelled; it cannot be suspended.");
    expect(await events()).toEqual(["shared", "accepted", "cancelled"]);
  });
});
