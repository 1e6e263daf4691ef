import "server-only";
import { count, eq, max } from "drizzle-orm";
import type { Db } from "@/db/client";
import { shareEvents, shares } from "@/db/schema";
import type { Caller } from "./share-store";
import { recipientPredicate } from "./queries";

/**
 * A stamp that changes whenever anything happens to the caller's shares: the newest event
 * and the event count (both from an index), plus the minute, so expiries show up too.
 */
export async function liveVersion(
  db: Db,
  q: { user: Caller; scope: "sharer" | "recipient"; now: number },
): Promise<string> {
  const minute = Math.floor(q.now / 60_000);
  if (q.scope === "sharer") {
    const r = (
      await db
        .select({ at: max(shareEvents.createdAt), n: count() })
        .from(shareEvents)
        .where(eq(shareEvents.sharerId, q.user.id))
    )[0];
    return `${r?.at ?? 0}:${r?.n ?? 0}:${minute}`;
  }
  const r = (
    await db
      .select({ at: max(shareEvents.createdAt), n: count() })
      .from(shareEvents)
      .innerJoin(shares, eq(shares.id, shareEvents.shareId))
      .where(recipientPredicate(q.user))
  )[0];
  return `${r?.at ?? 0}:${r?.n ?? 0}:${minute}`;
}
