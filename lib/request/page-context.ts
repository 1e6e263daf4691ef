import "server-only";
import { getDb, type Db } from "@/db/client";
import type { User } from "@/db/schema";
import { requireUser } from "@/lib/accounts/session";
import { currentTime } from "@/lib/platform/clock";

export type PageContext = { user: User; db: Db; now: number };

/**
 * What a private page works with, the way an action gets it (lib/request/action.ts): the
 * signed-in person (signed-out visitors go to sign-in and come back to `returnTo`), the
 * database and one reading of the clock for the whole render.
 */
export async function pageContext(returnTo: string): Promise<PageContext> {
  const user = await requireUser(returnTo);
  return { user, db: getDb(), now: currentTime() };
}
