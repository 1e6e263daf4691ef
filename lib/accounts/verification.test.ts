import { transaction } from "@/db/engine";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { emails, users, type User } from "@/db/schema";
import { shareDevices } from "@/lib/sharing/share-devices";
import { cancelShare } from "@/lib/sharing/manage-share";
import { DAY, makeDevice, makeUser, shareRequest, T0, testDb } from "@/lib/sharing/test-fixtures";
import { sendVerificationEmail, verifyEmailWithToken, verifyThroughLink } from "./verification";

async function unverified(db: Db, email: string): Promise<User> {
  const u = await makeUser(db, { email, name: "Carol" });
  await transaction(db, async (tx) =>
    tx.update(users).set({ emailVerified: null }).where(eq(users.id, u.id)),
  );
  return { ...u, emailVerified: null };
}
const verifiedAt = async (db: Db, id: string) =>
  (await db.select().from(users).where(eq(users.id, id)))[0]!.emailVerified;
const tokenIn = (text: string) => /\/verify-email\/([A-Za-z0-9_-]{43})/.exec(text)?.[1];

describe("email verification", () => {
  it("emails a link whose visit verifies the account, once", async () => {
    const db = await testDb();
    const carol = await unverified(db, "carol@corp.test");
    await sendVerificationEmail(db, carol, T0);
    const [mail] = await db.select().from(emails);
    expect(mail).toMatchObject({ to: "carol@corp.test", status: "queued" });
    expect(mail.subject).toMatch(/Verify/);
    const token = tokenIn(mail.text)!;
    expect(mail.html).toContain(`/verify-email/${token}`);
    expect(await verifyEmailWithToken(db, token, T0 + 10)).toEqual({ userId: carol.id });
    expect(await verifiedAt(db, carol.id)).toBe(T0 + 10);
    expect(await verifyEmailWithToken(db, token, T0 + 11)).toBeNull();
  });

  it("a link expires after 24 h; a newer one spends the older ones when used", async () => {
    const db = await testDb();
    const carol = await unverified(db, "carol@corp.test");
    await sendVerificationEmail(db, carol, T0);
    await sendVerificationEmail(db, carol, T0 + 1);
    const [first, second] = (await db.select().from(emails)).map((m) => tokenIn(m.text)!);
    expect(await verifyEmailWithToken(db, first, T0 + DAY)).toBeNull();
    expect(await verifyEmailWithToken(db, second, T0 + 2)).toEqual({ userId: carol.id });
    expect(await verifyEmailWithToken(db, first, T0 + 3)).toBeNull();
  });

  it("signing in on the way back to an open sharing link sent to the address verifies it; any other path does not", async () => {
    const db = await testDb();
    const alice = await makeUser(db, { email: "alice@example.com" });
    const d = await makeDevice(db, { ownerId: alice.id });
    const carol = await unverified(db, "carol@corp.test");
    const mallory = await unverified(db, "mallory@evil.test");
    const toCarol = (
      await shareDevices(db, {
        sharerId: alice.id,
        now: T0,
        input: shareRequest({ recipients: "carol@corp.test", deviceIds: [d.id] }),
      })
    ).shares[0];
    // Someone else's link, or anything that is not a link, proves nothing.
    expect(await verifyThroughLink(db, mallory, `/s/${toCarol.token}`, T0 + 1)).toBe(false);
    expect(await verifyThroughLink(db, carol, "/devices", T0 + 1)).toBe(false);
    expect(await verifyThroughLink(db, carol, `/s/${toCarol.token}x`, T0 + 1)).toBe(false);
    expect(await verifiedAt(db, mallory.id)).toBeNull();
    expect(await verifyThroughLink(db, carol, `/s/${toCarol.token}`, T0 + 2)).toBe(true);
    expect(await verifiedAt(db, carol.id)).toBe(T0 + 2);
  });

  it("a link that no longer works (cancelled, expired) proves nothing", async () => {
    const db = await testDb();
    const alice = await makeUser(db, { email: "alice@example.com" });
    const carol = await unverified(db, "carol@corp.test");
    const share = async (expiresAt: number) => {
      const d = await makeDevice(db, { ownerId: alice.id });
      return (
        await shareDevices(db, {
          sharerId: alice.id,
          now: T0,
          input: shareRequest({ recipients: "carol@corp.test", deviceIds: [d.id], expiresAt }),
        })
      ).shares[0];
    };
    const expired = await share(T0 + DAY);
    expect(await verifyThroughLink(db, carol, `/s/${expired.token}`, T0 + DAY)).toBe(false);
    const cancelled = await share(T0 + 7 * DAY);
    await cancelShare(db, { shareId: cancelled.shareId, sharerId: alice.id, now: T0 + 1 });
    expect(await verifyThroughLink(db, carol, `/s/${cancelled.token}`, T0 + 2)).toBe(false);
    expect(await verifiedAt(db, carol.id)).toBeNull();
  });
});
