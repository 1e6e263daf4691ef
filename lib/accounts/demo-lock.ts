import { transaction } from "@/db/engine";
import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { verifyPassword } from "./password";
import { endAllSessions } from "./user-sessions";

/**
 * For a start where demo accounts are not allowed (a public APP_URL): any of these accounts
 * that still signs in with the published demo password gets no password at all (and loses
 * its sessions), so a database seeded before the deployment went public is no way in.
 * Returns the emails it locked.
 */
export async function lockDemoAccounts(
  db: Db,
  emails: readonly string[],
  demoPassword: string,
): Promise<string[]> {
  if (!emails.length) return [];
  const rows = await db
    .select({ id: users.id, email: users.email, hash: users.passwordHash })
    .from(users)
    .where(inArray(users.email, [...emails]));
  const locked: string[] = [];
  for (const r of rows) {
    if (!r.hash || !(await verifyPassword(demoPassword, r.hash))) continue;
    await transaction(db, async (tx) => {
      await tx.update(users).set({ passwordHash: null }).where(eq(users.id, r.id));
      await endAllSessions(tx, r.id);
    });
    locked.push(r.email);
  }
  return locked;
}
