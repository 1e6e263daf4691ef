import { transaction } from "@/db/engine";
import { inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { freshDb } from "@/tests/support/db/fresh";
import { users } from "@/db/schema";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedIfEmpty } from "@/scripts/seed/seed";
import { lockDemoAccounts } from "./demo-lock";
import { hashPassword, verifyPassword } from "./password";

const demoEmails = DEMO_ACCOUNTS.map((a) => a.email);

describe("demo accounts in a public deployment", () => {
  it("the published demo password stops opening them; changed passwords and other accounts are left alone", async () => {
    const db = await freshDb();
    await seedIfEmpty(db, Date.UTC(2026, 10, 25));
    // Carl changed his password at some point: his account is a real one now.
    await transaction(db, async (tx) =>
      tx
        .update(users)
        .set({ passwordHash: await hashPassword("carl's own secret") })
        .where(inArray(users.email, [demoEmails[1]])),
    );
    const locked = await lockDemoAccounts(db, demoEmails, DEMO_PASSWORD);
    expect(locked.sort()).toEqual([demoEmails[0], demoEmails[2]].sort());
    for (const u of await db.select().from(users)) {
      expect(
        u.passwordHash == null || !(await verifyPassword(DEMO_PASSWORD, u.passwordHash)),
        u.email,
      ).toBe(true);
    }
    expect(await lockDemoAccounts(db, demoEmails, DEMO_PASSWORD)).toEqual([]);
  });

  it("the demo accounts a local install seeds are verified (their shares show at once)", async () => {
    const db = await freshDb();
    await seedIfEmpty(db, 1_000);
    expect((await db.select().from(users)).map((u) => u.emailVerified)).toEqual([
      1_000, 1_000, 1_000,
    ]);
  });
});
