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

beforeEach(() => {
  db = testDb();
  alice = makeUser(db, { email: "alice@example.com", name: "Alice" });
  bob = makeUser(db, { email: "bob@example.com", name: "Bob" });
  eve = makeUser(db, { email: "eve@example.com", name: "Eve" });
  dev = makeDevice(db, { ownerId: alice.id, name: "Gate" });
  id = shareDevices(db, {
    sharerId: alice.id,
    now: T0,
    input: shareRequest({ recipients: bob.email, deviceIds: [dev.id], permissions: "Operator" }),
  }).shares[0].shareId;
});

const accept = () => acceptShare(db, { shareId: id, user: bob, now: T0 });
const canView = (now: number) =>
  checkAccess(db, { userId: bob.id, deviceId: dev.id, operation: "view", now });
const events = () =>
  db
    .select()
    .from(shareEvents)
    .where(eq(shareEvents.shareId, id))
    .all()
    .map((e) => e.type);
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error("expected a refusal");
};

describe("suspend and resume", () => {
  it("the access check refuses while suspended and allows again after resuming", () => {
    accept();
    expect(canView(T0 + HOUR)).toMatchObject({ allowed: true });
    suspendShare(db, { shareId: id, sharerId: alice.id, now: T0 + HOUR });
    expect(canView(T0 + 2 * HOUR)).toEqual({ allowed: false, reason: "suspended", shareId: id });
    expect(
      checkAccess(db, {
        userId: bob.id,
        deviceId: dev.id,
        operation: "operate",
        now: T0 + 2 * HOUR,
      }),
    ).toMatchObject({ allowed: false, reason: "suspended" });
    resumeShare(db, { shareId: id, sharerId: alice.id, now: T0 + 3 * HOUR });
    expect(canView(T0 + 3 * HOUR)).toMatchObject({ allowed: true, reason: "shared" });
    expect(events()).toEqual(["shared", "accepted", "suspended", "resumed"]);
  });

  it("shows Suspended on both sides and in the status filter", () => {
    accept();
    suspendShare(db, { shareId: id, sharerId: alice.id, now: T0 + HOUR });
    const now = T0 + 2 * HOUR;
    expect(listSharedByMe(db, { sharerId: alice.id, now }).rows[0].status).toBe("Suspended");
    expect(listSharedByMe(db, { sharerId: alice.id, now, status: "Suspended" }).total).toBe(1);
    expect(listSharedByMe(db, { sharerId: alice.id, now, status: "Active" }).total).toBe(0);
    expect(listSharedWithMe(db, { user: bob, now }).groups[0].shares[0].status).toBe("Suspended");
    expect(getShareForRecipient(db, { shareId: id, user: bob, now })!.status).toBe("Suspended");
  });

  it("keeps devices, permissions and expiry; the share can still be extended, left or cancelled", () => {
    accept();
    suspendShare(db, { shareId: id, sharerId: alice.id, now: T0 + HOUR });
    const row = db.select().from(shares).where(eq(shares.id, id)).get()!;
    expect(row).toMatchObject({
      status: "active",
      permissions: "view,operate",
      suspendedAt: T0 + HOUR,
    });
    extendShare(db, { shareId: id, sharerId: alice.id, extendBy: DAY, now: T0 + 2 * HOUR });
    leaveShare(db, { shareId: id, user: bob, now: T0 + 3 * HOUR });
    expect(
      refusal(() => resumeShare(db, { shareId: id, sharerId: alice.id, now: T0 + 4 * HOUR }))
        .message,
    ).toBe("This share is left; it cannot be resumed.");
  });

  it("only the sharer, only an accepted share, never twice", () => {
    expect(
      refusal(() => suspendShare(db, { shareId: id, sharerId: alice.id, now: T0 })).message,
    ).toBe("This share has not been accepted yet; cancel it instead.");
    accept();
    expect(
      refusal(() => suspendShare(db, { shareId: id, sharerId: bob.id, now: T0 })),
    ).toBeInstanceOf(NotFoundError);
    expect(
      refusal(() => suspendShare(db, { shareId: id, sharerId: eve.id, now: T0 })),
    ).toBeInstanceOf(NotFoundError);
    expect(
      refusal(() => resumeShare(db, { shareId: id, sharerId: alice.id, now: T0 })).message,
    ).toBe("This share is not suspended.");
    suspendShare(db, { shareId: id, sharerId: alice.id, now: T0 });
    expect(
      refusal(() => suspendShare(db, { shareId: id, sharerId: alice.id, now: T0 })).message,
    ).toBe("This share is already suspended.");
    expect(events()).toEqual(["shared", "accepted", "suspended"]);
  });

  it("refuses expired and cancelled shares", () => {
    accept();
    expect(
      refusal(() => suspendShare(db, { shareId: id, sharerId: alice.id, now: T0 + 30 * DAY }))
        .message,
    ).toBe("This share is expired; it cannot be suspended.");
    cancelShare(db, { shareId: id, sharerId: alice.id, now: T0 + HOUR });
    expect(
      refusal(() => suspendShare(db, { shareId: id, sharerId: alice.id, now: T0 + HOUR })).message,
    ).toBe("This share is cancelled; it cannot be suspended.");
    expect(events()).toEqual(["shared", "accepted", "cancelled"]);
  });
});
