import { eq } from "drizzle-orm";
import { closeDb } from "@/db/engine";
import { createTestDb, openAgain } from "@/tests/support/db/test-db";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { shareEvents, shareItems, shares, type Device, type User } from "@/db/schema";
import { DomainError, NotFoundError } from "@/lib/platform/errors";
import {
  acceptLink,
  acceptShare,
  declineLink,
  declineShare,
  leaveShare,
  regenerateLink,
  resolveLink,
} from "./lifecycle";
import { cancelDevices, cancelShare } from "./manage-share";
import { shareDevices } from "./share-devices";
import { HOUR, makeDevice, makeUser, shareRequest, T0, testDb } from "./test-fixtures";
import { hashToken } from "./tokens";

let db: Db;
let alice: User, bob: User, eve: User;
let d1: Device, d2: Device;

beforeEach(async () => {
  db = await testDb();
  alice = await makeUser(db, { email: "alice@example.com", name: "Alice" });
  bob = await makeUser(db, { email: "bob@example.com", name: "Bob" });
  eve = await makeUser(db, { email: "eve@example.com", name: "Eve" });
  d1 = await makeDevice(db, { ownerId: alice.id, name: "Gateway 1" });
  d2 = await makeDevice(db, { ownerId: alice.id, name: "Gateway 2" });
});

async function shareWith(
  recipients: string,
  over: Partial<Parameters<typeof shareRequest>[0]> = {},
) {
  return (
    await shareDevices(db, {
      sharerId: alice.id,
      now: T0,
      input: shareRequest({ recipients, deviceIds: [d1.id, d2.id], ...over }),
    })
  ).shares[0];
}
const row = async (id: string) => (await db.select().from(shares).where(eq(shares.id, id)))[0]!;
const events = async (id: string) =>
  (await db.select().from(shareEvents).where(eq(shareEvents.shareId, id))).map((e) => [
    e.type,
    e.actorId,
  ]);
const liveFlags = async (id: string) =>
  (await db.select().from(shareItems).where(eq(shareItems.shareId, id))).map((i) => i.live);
const thrown = async (fn: () => unknown): Promise<unknown> => {
  try {
    await fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected a refusal");
};

describe("acceptShare", () => {
  it("binds the recipient, sets acceptedAt and activates", async () => {
    const s = await shareWith("bob@example.com");
    const accepted = await acceptShare(db, { shareId: s.shareId, user: bob, now: T0 + 5 });
    expect(accepted).toMatchObject({ status: "active", recipientId: bob.id, acceptedAt: T0 + 5 });
    expect(await row(s.shareId)).toMatchObject({
      status: "active",
      recipientId: bob.id,
      acceptedAt: T0 + 5,
    });
    expect(await events(s.shareId)).toEqual([
      ["shared", alice.id],
      ["accepted", bob.id],
    ]);
    expect(await liveFlags(s.shareId)).toEqual([1, 1]);
  });

  it("lets someone who signed up after the invitation accept by email", async () => {
    const s = await shareWith("newcomer@example.com");
    const newcomer = await makeUser(db, { email: "NewComer@example.com" });
    expect(
      (await acceptShare(db, { shareId: s.shareId, user: newcomer, now: T0 + 1 })).recipientId,
    ).toBe(newcomer.id);
  });

  it("is 404 for anyone else, the sharer included", async () => {
    const s = await shareWith("bob@example.com");
    expect(
      await thrown(() => acceptShare(db, { shareId: s.shareId, user: eve, now: T0 })),
    ).toBeInstanceOf(NotFoundError);
    expect(
      await thrown(() => acceptShare(db, { shareId: s.shareId, user: alice, now: T0 })),
    ).toBeInstanceOf(NotFoundError);
    expect(
      await thrown(() => acceptShare(db, { shareId: "nope", user: bob, now: T0 })),
    ).toBeInstanceOf(NotFoundError);
    expect((await row(s.shareId)).status).toBe("pending");
  });

  it("works only while pending: not once expired (to the ms), cancelled or accepted", async () => {
    const s = await shareWith("bob@example.com", { expiresAt: T0 + HOUR });
    expect(
      await thrown(() => acceptShare(db, { shareId: s.shareId, user: bob, now: T0 + HOUR })),
    ).toMatchObject({ message: "This share has expired. Ask the sharer to extend it." });
    expect(
      (await acceptShare(db, { shareId: s.shareId, user: bob, now: T0 + HOUR - 1 })).status,
    ).toBe("active");
    expect(
      await thrown(() => acceptShare(db, { shareId: s.shareId, user: bob, now: T0 + 2 })),
    ).toMatchObject({ message: "You have already accepted this share.", code: "conflict" });
    const c = await shareWith("eve@example.com");
    await cancelShare(db, { shareId: c.shareId, sharerId: alice.id, now: T0 + 1 });
    expect(
      await thrown(() => acceptShare(db, { shareId: c.shareId, user: eve, now: T0 + 2 })),
    ).toMatchObject({ message: "This share was cancelled by the sharer." });
  });

  it("two concurrent accepts (two connections) yield exactly one acceptance", async () => {
    // Two handles on one database, as two server processes have (SQLite: two sets of
    // connections on one file; PostgreSQL: two pools).
    const test = await createTestDb();
    const a = test.db;
    const b = openAgain(test);
    try {
      const owner = await makeUser(a, { email: "o@example.com" });
      const rcpt = await makeUser(a, { email: "r@example.com" });
      const dev = await makeDevice(a, { ownerId: owner.id });
      const s = (
        await shareDevices(a, {
          sharerId: owner.id,
          now: T0,
          input: shareRequest({ recipients: rcpt.email, deviceIds: [dev.id] }),
        })
      ).shares[0];
      // Both at once: each connection's transaction waits for the other's write lock.
      const results = await Promise.all(
        [a, b].map((conn) =>
          acceptShare(conn, { shareId: s.shareId, user: rcpt, now: T0 + 1 }).catch((e) => e),
        ),
      );
      const refused = results.filter((r) => r instanceof DomainError);
      expect(refused).toHaveLength(1);
      expect((refused[0] as DomainError).message).toBe("You have already accepted this share.");
      const accepted = await a.select().from(shareEvents).where(eq(shareEvents.type, "accepted"));
      expect(accepted).toHaveLength(1);
    } finally {
      await closeDb(b);
      await test.close();
    }
  });
});

describe("Rule 7: the sharing link", () => {
  it("resolves by hashed token while it exists, showing who shares what", async () => {
    const s = await shareWith("bob@example.com", { permissions: "Operator" });
    const link = (await resolveLink(db, s.token, T0))!;
    expect(link.share.id).toBe(s.shareId);
    expect(link.status).toBe("Pending");
    expect(link.permissions).toEqual(["view", "operate"]);
    expect(link.sharer).toEqual({ id: alice.id, name: "Alice", email: "alice@example.com" });
    expect(link.devices.map((d) => d.name)).toEqual(["Gateway 1", "Gateway 2"]);
    expect(
      await resolveLink(db, s.token.slice(0, -1) + (s.token.endsWith("A") ? "B" : "A"), T0),
    ).toBeNull();
    expect(await resolveLink(db, "", T0)).toBeNull();
    expect(await resolveLink(db, hashToken(s.token), T0)).toBeNull(); // the stored hash is not a token
  });

  it("is bound to the invited email: another signed-in user is told so and cannot accept", async () => {
    const s = await shareWith("bob@example.com");
    const e = await thrown(() => acceptLink(db, { token: s.token, user: eve, now: T0 + 1 }));
    expect(e).toMatchObject({ code: "forbidden" });
    // The invited address is masked: whoever holds the link may not be the one it was sent to.
    expect((e as Error).message).toContain("sent to bo•••@example.com");
    expect((e as Error).message).not.toContain("bob@example.com");
    expect((e as Error).message).toContain("signed in as eve@example.com");
    expect(
      await thrown(() => declineLink(db, { token: s.token, user: eve, now: T0 + 1 })),
    ).toMatchObject({ code: "forbidden" });
    expect((await row(s.shareId)).status).toBe("pending");
  });

  it("is single-use: once accepted it resolves as used and accepts no more", async () => {
    const s = await shareWith("bob@example.com");
    expect((await acceptLink(db, { token: s.token, user: bob, now: T0 + 1 })).status).toBe(
      "active",
    );
    // Still resolvable, so the link page can say "already used" rather than "unknown".
    expect((await resolveLink(db, s.token, T0 + 2))!.status).toBe("Active");
    expect(
      await thrown(() => acceptLink(db, { token: s.token, user: bob, now: T0 + 2 })),
    ).toMatchObject({
      code: "conflict",
    });
    expect((await events(s.shareId)).filter(([t]) => t === "accepted")).toHaveLength(1);
  });

  it("works only while pending: an expired or cancelled share resolves but cannot be accepted", async () => {
    const s = await shareWith("bob@example.com", { expiresAt: T0 + HOUR });
    expect((await resolveLink(db, s.token, T0 + HOUR))!.status).toBe("Expired");
    expect(
      await thrown(() => acceptLink(db, { token: s.token, user: bob, now: T0 + HOUR })),
    ).toMatchObject({ code: "conflict" });
    await cancelShare(db, { shareId: s.shareId, sharerId: alice.id, now: T0 + 1 });
    expect((await resolveLink(db, s.token, T0 + 2))!.status).toBe("Cancelled");
    expect(
      await thrown(() => acceptLink(db, { token: s.token, user: bob, now: T0 + 2 })),
    ).toMatchObject({
      message: "This share was cancelled by the sharer.",
    });
  });

  it("regenerateLink replaces the link of a pending share; only for its sharer", async () => {
    const s = await shareWith("bob@example.com");
    expect(
      await thrown(() => regenerateLink(db, { shareId: s.shareId, sharerId: bob.id, now: T0 })),
    ).toBeInstanceOf(NotFoundError);
    const { token } = await regenerateLink(db, {
      shareId: s.shareId,
      sharerId: alice.id,
      now: T0 + 1,
    });
    expect(token).not.toBe(s.token);
    expect(await resolveLink(db, s.token, T0 + 1)).toBeNull();
    expect((await resolveLink(db, token, T0 + 1))!.share.id).toBe(s.shareId);
    expect(await row(s.shareId)).toMatchObject({
      tokenHash: hashToken(token),
      tokenCreatedAt: T0 + 1,
    });
    expect((await events(s.shareId)).at(-1)).toEqual(["link_regenerated", alice.id]);
    await acceptLink(db, { token, user: bob, now: T0 + 2 });
    expect(
      await thrown(() =>
        regenerateLink(db, { shareId: s.shareId, sharerId: alice.id, now: T0 + 3 }),
      ),
    ).toMatchObject({ message: "Only a pending share has a sharing link." });
  });
});

describe("declineShare and leaveShare", () => {
  it("decline: pending only, by the recipient; frees the devices", async () => {
    const s = await shareWith("bob@example.com");
    expect(
      await thrown(() => declineShare(db, { shareId: s.shareId, user: eve, now: T0 })),
    ).toBeInstanceOf(NotFoundError);
    expect((await declineShare(db, { shareId: s.shareId, user: bob, now: T0 + 1 })).status).toBe(
      "declined",
    );
    expect(await row(s.shareId)).toMatchObject({
      status: "declined",
      endedAt: T0 + 1,
      recipientId: bob.id,
    });
    expect(await liveFlags(s.shareId)).toEqual([null, null]);
    expect((await events(s.shareId)).at(-1)).toEqual(["declined", bob.id]);
    expect(
      await thrown(() => declineShare(db, { shareId: s.shareId, user: bob, now: T0 + 2 })),
    ).toMatchObject({ message: "This share was declined." });
    expect(
      await thrown(() => acceptShare(db, { shareId: s.shareId, user: bob, now: T0 + 2 })),
    ).toBeInstanceOf(DomainError);
    expect((await shareWith("bob@example.com")).shareId).toBeTruthy(); // no conflict any more
  });

  it("decline by link, for the invited user", async () => {
    const s = await shareWith("bob@example.com");
    expect((await declineLink(db, { token: s.token, user: bob, now: T0 + 1 })).status).toBe(
      "declined",
    );
  });

  it("leave: active only, by the recipient; frees the devices", async () => {
    const s = await shareWith("bob@example.com");
    expect(
      await thrown(() => leaveShare(db, { shareId: s.shareId, user: bob, now: T0 + 1 })),
    ).toMatchObject({ message: "You have not accepted this share yet; decline it instead." });
    await acceptShare(db, { shareId: s.shareId, user: bob, now: T0 + 1 });
    expect(
      await thrown(() => leaveShare(db, { shareId: s.shareId, user: eve, now: T0 + 2 })),
    ).toBeInstanceOf(NotFoundError);
    expect((await leaveShare(db, { shareId: s.shareId, user: bob, now: T0 + 2 })).status).toBe(
      "left",
    );
    expect(await row(s.shareId)).toMatchObject({ status: "left", endedAt: T0 + 2 });
    expect(await liveFlags(s.shareId)).toEqual([null, null]);
    expect((await events(s.shareId)).map((e) => e[0])).toEqual(["shared", "accepted", "left"]);
    expect(
      await thrown(() => leaveShare(db, { shareId: s.shareId, user: bob, now: T0 + 3 })),
    ).toMatchObject({ message: "You have left this share." });
  });

  it("leave: refused once expired", async () => {
    const s = await shareWith("bob@example.com", { expiresAt: T0 + HOUR });
    await acceptShare(db, { shareId: s.shareId, user: bob, now: T0 + 1 });
    expect(
      await thrown(() => leaveShare(db, { shareId: s.shareId, user: bob, now: T0 + HOUR })),
    ).toMatchObject({ message: "This share has expired. Ask the sharer to extend it." });
  });

  it("a recipient whose devices were all removed sees a cancelled share", async () => {
    const s = await shareWith("bob@example.com");
    await cancelDevices(db, {
      shareId: s.shareId,
      sharerId: alice.id,
      deviceIds: [d1.id, d2.id],
      now: T0 + 1,
    });
    expect(
      await thrown(() => acceptShare(db, { shareId: s.shareId, user: bob, now: T0 + 2 })),
    ).toMatchObject({ message: "This share was cancelled by the sharer." });
  });
});
