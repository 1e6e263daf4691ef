import { transaction } from "@/db/engine";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { emails, users } from "@/db/schema";
import { makeUser, T0, testDb } from "@/lib/sharing/test-fixtures";
import { hashPassword, verifyPassword } from "./password";
import { requestPasswordReset, resetPassword, resetTokenUsable } from "./password-reset";
import { createSession, findSessionUser } from "./user-sessions";

const tokenIn = (text: string) => /\/reset-password\/([A-Za-z0-9_-]{43})/.exec(text)![1];
const userRow = async (db: Db, id: string) =>
  (await db.select().from(users).where(eq(users.id, id)))[0]!;

describe("password reset", () => {
  it("emails a link only when the address has an account (the caller answers the same either way)", async () => {
    const db = await testDb();
    const u = await makeUser(db, { email: "ada@example.com", name: "Ada" });
    expect(await requestPasswordReset(db, "nobody@example.com", T0)).toBe(false);
    expect(await db.select().from(emails)).toEqual([]);
    expect(await requestPasswordReset(db, " ADA@example.com ", T0)).toBe(true);
    const [mail] = await db.select().from(emails);
    expect(mail).toMatchObject({ to: u.email, status: "queued" });
    expect(mail.subject).toMatch(/Reset/);
    expect(await resetTokenUsable(db, tokenIn(mail.text), T0 + 1)).toBe(true);
    expect(await resetTokenUsable(db, tokenIn(mail.text), T0 + 3_600_000)).toBe(false);
  });

  it("sets the password, ends every session, verifies the address, and works once", async () => {
    const db = await testDb();
    const u = await makeUser(db, { email: "ada@example.com" });
    await transaction(db, async (tx) =>
      tx
        .update(users)
        .set({ emailVerified: null, passwordHash: await hashPassword("old password!") })
        .where(eq(users.id, u.id)),
    );
    const sid = await createSession(db, u.id, T0);
    await requestPasswordReset(db, u.email, T0);
    await requestPasswordReset(db, u.email, T0 + 1);
    const [first, second] = (await db.select().from(emails)).map((m) => tokenIn(m.text));

    const done = await resetPassword(db, {
      token: second,
      newPassword: "new password!",
      now: T0 + 5,
    });
    expect(done?.id).toBe(u.id);
    const row = await userRow(db, u.id);
    expect(await verifyPassword("new password!", row.passwordHash!)).toBe(true);
    expect(row.sessionVersion).toBe(1);
    expect(row.emailVerified).toBe(T0 + 5);
    expect(await findSessionUser(db, sid, T0 + 6)).toBeUndefined();
    // Used, and the older link went with it.
    expect(
      await resetPassword(db, { token: second, newPassword: "third password", now: T0 + 6 }),
    ).toBeNull();
    expect(
      await resetPassword(db, { token: first, newPassword: "third password", now: T0 + 6 }),
    ).toBeNull();
    expect(await verifyPassword("new password!", (await userRow(db, u.id)).passwordHash!)).toBe(
      true,
    );
  });

  it("an unknown, expired or forged token changes nothing", async () => {
    const db = await testDb();
    const u = await makeUser(db);
    await requestPasswordReset(db, u.email, T0);
    const token = tokenIn((await db.select().from(emails))[0].text);
    const before = JSON.stringify(await userRow(db, u.id));
    for (const t of [token, "A".repeat(43), "", undefined]) {
      expect(
        await resetPassword(db, { token: t, newPassword: "new password!", now: T0 + 3_600_000 }),
      ).toBeNull();
    }
    expect(JSON.stringify(await userRow(db, u.id))).toBe(before);
  });
});
