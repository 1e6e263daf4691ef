// Issue 12, hole 1: registering an address proves nothing. Shares addressed to an unverified
// account's email are invisible to it by id; only the link (sent to that address) takes them.
import { transaction } from "@/db/engine";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { shares, users, type Device, type User } from "@/db/schema";
import {
  acceptLink,
  acceptShare,
  declineLink,
  declineShare,
  leaveShare,
  regenerateLink,
  renewLink,
  resolveLink,
} from "./lifecycle";
import { isInvitee, isRecipient } from "./share-store";
import { LINK_LIFETIME_MS, linkLapsed } from "./link-lifetime";
import { listSharedWithMe } from "./queries";
import { getShareForRecipient } from "./share-details";
import { shareDevices } from "./share-devices";
import { DAY, makeDevice, makeUser, shareRequest, T0, testDb } from "./test-fixtures";
import { linkState } from "@/lib/sharing/links/link-state";
import { liveVersion } from "./live-version";

let db: Db;
let alice: User, squatter: User, d1: Device;

/** An account that registered carol@corp.test and never proved it. */
async function unverified(email: string): Promise<User> {
  const u = await makeUser(db, { email });
  await transaction(db, async (tx) =>
    tx.update(users).set({ emailVerified: null }).where(eq(users.id, u.id)),
  );
  return { ...u, emailVerified: null };
}
const row = async (id: string) => (await db.select().from(shares).where(eq(shares.id, id)))[0]!;
const share = async (to: string, at = T0) =>
  (
    await shareDevices(db, {
      sharerId: alice.id,
      now: at,
      input: shareRequest({ recipients: to, deviceIds: [d1.id] }),
    })
  ).shares[0];
const listed = async (u: User, now = T0 + 1) =>
  (await listSharedWithMe(db, { user: u, now })).groups.flatMap((g) =>
    g.shares.map((r) => r.share.id),
  );
const refusal = async (fn: () => unknown) => {
  try {
    await fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected a refusal");
};

beforeEach(async () => {
  db = await testDb();
  alice = await makeUser(db, { email: "alice@example.com", name: "Alice" });
  d1 = await makeDevice(db, { ownerId: alice.id, name: "Vault Lock" });
  squatter = await unverified("carol@corp.test");
});

describe("an unverified account and the shares addressed to its email", () => {
  it("does not see them, by list or by id, and cannot accept or decline them by id", async () => {
    const s = await share("carol@corp.test");
    expect(await listed(squatter)).toEqual([]);
    expect(
      await getShareForRecipient(db, { shareId: s.shareId, user: squatter, now: T0 + 1 }),
    ).toBeNull();
    for (const act of [acceptShare, declineShare, leaveShare]) {
      expect(
        await refusal(() => act(db, { shareId: s.shareId, user: squatter, now: T0 + 1 })),
      ).toMatchObject({ code: "not_found" });
    }
    expect(await row(s.shareId)).toMatchObject({ status: "pending", recipientId: null });
  });

  it("is not bound to a share made after it registered (binding waits for proof)", async () => {
    const s = await share("carol@corp.test");
    expect(s.recipientId).toBeNull();
    // A verified account is bound at once, as before.
    const bob = await makeUser(db, { email: "bob@example.com" });
    expect((await share("bob@example.com")).recipientId).toBe(bob.id);
  });

  it("can accept with the link, which proves the address: the share is bound and the account verified", async () => {
    const s = await share("carol@corp.test");
    const accepted = await acceptLink(db, { token: s.token, user: squatter, now: T0 + 5 });
    expect(accepted).toMatchObject({ status: "active", recipientId: squatter.id });
    expect((await db.select().from(users).where(eq(users.id, squatter.id)))[0]!.emailVerified).toBe(
      T0 + 5,
    );
    // Bound to the account: visible from now on, whatever the verification.
    expect(await listed({ ...squatter, emailVerified: null }, T0 + 6)).toEqual([s.shareId]);
  });

  it("can decline with the link too", async () => {
    const s = await share("carol@corp.test");
    expect(await declineLink(db, { token: s.token, user: squatter, now: T0 + 5 })).toMatchObject({
      status: "declined",
      recipientId: squatter.id,
    });
  });

  it("sees them once the address is verified", async () => {
    const s = await share("carol@corp.test");
    const carol = { ...squatter, emailVerified: T0 + 2 };
    expect(await listed(carol, T0 + 3)).toEqual([s.shareId]);
    expect(
      (await acceptShare(db, { shareId: s.shareId, user: carol, now: T0 + 3 })).recipientId,
    ).toBe(carol.id);
  });

  it("keeps seeing a share already bound to it", async () => {
    const s = await share("carol@corp.test");
    await acceptLink(db, { token: s.token, user: squatter, now: T0 + 1 });
    const again = { ...squatter, emailVerified: null };
    expect(
      await getShareForRecipient(db, { shareId: s.shareId, user: again, now: T0 + 2 }),
    ).not.toBeNull();
    expect((await leaveShare(db, { shareId: s.shareId, user: again, now: T0 + 2 })).status).toBe(
      "left",
    );
  });

  it("gets no live updates about them either", async () => {
    const before = await liveVersion(db, { user: squatter, scope: "recipient", now: T0 });
    await share("carol@corp.test");
    expect(await liveVersion(db, { user: squatter, scope: "recipient", now: T0 })).toBe(before);
  });
});

describe("isRecipient and isInvitee", () => {
  const addressed = { recipientId: null, recipientEmail: "carol@corp.test" };
  it("by id needs a verified address; by link the address alone is enough", () => {
    const u = { id: "u1", email: "Carol@corp.test", emailVerified: null };
    expect(isRecipient(addressed, u)).toBe(false);
    expect(isInvitee(addressed, u)).toBe(true);
    expect(isRecipient(addressed, { ...u, emailVerified: 1 })).toBe(true);
  });
  it("a bound share is its user's only, verified or not", () => {
    const bound = { recipientId: "u1", recipientEmail: "carol@corp.test" };
    expect(isRecipient(bound, { id: "u1", email: "x@y.test", emailVerified: null })).toBe(true);
    expect(isRecipient(bound, { id: "u2", email: "carol@corp.test", emailVerified: 1 })).toBe(
      false,
    );
    expect(isInvitee(bound, { id: "u2", email: "carol@corp.test" })).toBe(false);
  });
});

describe("sharing links lapse after 30 days pending", () => {
  it("lapses at exactly LINK_LIFETIME_MS after it was sent", () => {
    expect(linkLapsed({ tokenCreatedAt: T0, createdAt: T0 }, T0 + LINK_LIFETIME_MS - 1)).toBe(
      false,
    );
    expect(linkLapsed({ tokenCreatedAt: T0, createdAt: T0 }, T0 + LINK_LIFETIME_MS)).toBe(true);
    expect(linkLapsed({ tokenCreatedAt: null, createdAt: T0 }, T0 + LINK_LIFETIME_MS)).toBe(true);
  });

  it("a lapsed link says so (410 state) and takes no answer; the share stays pending", async () => {
    const farExpiry = { expiresAt: T0 + 90 * DAY };
    const s = (
      await shareDevices(db, {
        sharerId: alice.id,
        now: T0,
        input: shareRequest({ recipients: "carol@corp.test", deviceIds: [d1.id], ...farExpiry }),
      })
    ).shares[0];
    const later = T0 + 31 * DAY;
    expect(linkState(await resolveLink(db, s.token, later))).toBe("lapsed");
    expect(
      await refusal(() => acceptLink(db, { token: s.token, user: squatter, now: later })),
    ).toMatchObject({ code: "conflict", message: expect.stringMatching(/30 days/) });
    expect(
      await refusal(() => declineLink(db, { token: s.token, user: squatter, now: later })),
    ).toMatchObject({ code: "conflict" });
    expect((await row(s.shareId)).status).toBe("pending");
  });

  it("Resend renews the same link; a new link starts its own 30 days", async () => {
    const farExpiry = { expiresAt: T0 + 90 * DAY };
    const s = (
      await shareDevices(db, {
        sharerId: alice.id,
        now: T0,
        input: shareRequest({ recipients: "carol@corp.test", deviceIds: [d1.id], ...farExpiry }),
      })
    ).shares[0];
    await renewLink(db, { shareId: s.shareId, sharerId: alice.id, now: T0 + 29 * DAY });
    expect(linkState(await resolveLink(db, s.token, T0 + 40 * DAY))).toBe("open");
    // Only the sharer renews.
    await renewLink(db, { shareId: s.shareId, sharerId: squatter.id, now: T0 + 60 * DAY });
    expect(linkState(await resolveLink(db, s.token, T0 + 60 * DAY))).toBe("lapsed");
    const { token } = await regenerateLink(db, {
      shareId: s.shareId,
      sharerId: alice.id,
      now: T0 + 60 * DAY,
    });
    expect(linkState(await resolveLink(db, token, T0 + 61 * DAY))).toBe("open");
  });
});
