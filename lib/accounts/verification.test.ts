import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { emails, users, type User } from "@/db/schema";
import { shareDevices } from "@/lib/sharing/share-devices";
import { cancelShare } from "@/lib/sharing/manage-share";
import { DAY, makeDevice, makeUser, shareRequest, T0, testDb } from "@/lib/sharing/test-fixtures";
import { sendVerificationEmail, verifyEmailWithToken, verifyThroughLink } from "./verification";

function unverified(db: Db, email: string): User {
  const u = makeUser(db, { email, name: "Carol" });
  db.update(users).set({ emailVerified: null }).where(eq(users.id, u.id)).run();
  return { ...u, emailVerified: null };
}
const verifiedAt = (db: Db, id: string) =>
  db.select().from(users).where(eq(users.id, id)).get()!.emailVerified;
const tokenIn = (text: string) => /\/verify-email\/([A-Za-z0-9_-]{43})/.exec(text)?.[1];

describe("email verification", () => {
  it("emails a link whose visit verifies the account, once", () => {
    const db = testDb();
    const carol = unverified(db, "carol@corp.test");
    sendVerificationEmail(db, carol, T0);
    const [mail] = db.select().from(emails).all();
    expect(mail).toMatchObject({ to: "carol@corp.test", status: "queued" });
    expect(mail.subject).toMatch(/Verify/);
    const token = tokenIn(mail.text)!;
    expect(mail.html).toContain(`/verify-email/${token}`);
    expect(verifyEmailWithToken(db, token, T0 + 10)).toEqual({ userId: carol.id });
    expect(verifiedAt(db, carol.id)).toBe(T0 + 10);
    expect(verifyEmailWithToken(db, token, T0 + 11)).toBeNull();
  });

  it("a link expires after 24 h; a newer one spends the older ones when used", () => {
    const db = testDb();
    const carol = unverified(db, "carol@corp.test");
    sendVerificationEmail(db, carol, T0);
    sendVerificationEmail(db, carol, T0 + 1);
    const [first, second] = db
      .select()
      .from(emails)
      .all()
      .map((m) => tokenIn(m.text)!);
    expect(verifyEmailWithToken(db, first, T0 + DAY)).toBeNull();
    expect(verifyEmailWithToken(db, second, T0 + 2)).toEqual({ userId: carol.id });
    expect(verifyEmailWithToken(db, first, T0 + 3)).toBeNull();
  });

  it("signing in on the way back to an open sharing link sent to the address verifies it; any other path does not", () => {
    const db = testDb();
    const alice = makeUser(db, { email: "alice@example.com" });
    const d = makeDevice(db, { ownerId: alice.id });
    const carol = unverified(db, "carol@corp.test");
    const mallory = unverified(db, "mallory@evil.test");
    const toCarol = shareDevices(db, {
      sharerId: alice.id,
      now: T0,
      input: shareRequest({ recipients: "carol@corp.test", deviceIds: [d.id] }),
    }).shares[0];
    // Someone else's link, or anything that is not a link, proves nothing.
    expect(verifyThroughLink(db, mallory, `/s/${toCarol.token}`, T0 + 1)).toBe(false);
    expect(verifyThroughLink(db, carol, "/devices", T0 + 1)).toBe(false);
    expect(verifyThroughLink(db, carol, `/s/${toCarol.token}x`, T0 + 1)).toBe(false);
    expect(verifiedAt(db, mallory.id)).toBeNull();
    expect(verifyThroughLink(db, carol, `/s/${toCarol.token}`, T0 + 2)).toBe(true);
    expect(verifiedAt(db, carol.id)).toBe(T0 + 2);
  });

  it("a link that no longer works (cancelled, expired) proves nothing", () => {
    const db = testDb();
    const alice = makeUser(db, { email: "alice@example.com" });
    const carol = unverified(db, "carol@corp.test");
    const share = (expiresAt: number) => {
      const d = makeDevice(db, { ownerId: alice.id });
      return shareDevices(db, {
        sharerId: alice.id,
        now: T0,
        input: shareRequest({ recipients: "carol@corp.test", deviceIds: [d.id], expiresAt }),
      }).shares[0];
    };
    const expired = share(T0 + DAY);
    expect(verifyThroughLink(db, carol, `/s/${expired.token}`, T0 + DAY)).toBe(false);
    const cancelled = share(T0 + 7 * DAY);
    cancelShare(db, { shareId: cancelled.shareId, sharerId: alice.id, now: T0 + 1 });
    expect(verifyThroughLink(db, carol, `/s/${cancelled.token}`, T0 + 2)).toBe(false);
    expect(verifiedAt(db, carol.id)).toBeNull();
  });
});
