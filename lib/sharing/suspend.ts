// Suspend and resume: the sharer pauses an accepted share without ending it. Everything
// else (devices, permissions, expiry, link history) stays; the access check refuses with
// reason "suspended" while shares.suspended_at is set (lib/access/evaluate.ts).
import "server-only";
import { affected } from "@/db/engine";
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { shares, type Share } from "@/db/schema";
import { DomainError } from "@/lib/platform/errors";
import { recordEvent } from "@/lib/activity/events";
import { loadShareForSharer, writeTx } from "./share-store";
import { effectiveStatus } from "./status";

type SharerArgs = { shareId: string; sharerId: string; now: number };

/** Only an accepted, unexpired share can be paused; only a paused one resumed. */
function refuse(share: Share, now: number, action: "suspended" | "resumed"): never {
  const status = effectiveStatus(share, now);
  const why =
    status === "Pending"
      ? "This share has not been accepted yet; cancel it instead."
      : action === "suspended" && status === "Suspended"
        ? "This share is already suspended."
        : action === "resumed" && status === "Active"
          ? "This share is not suspended."
          : `This share is ${status.toLowerCase()}; it cannot be ${action}.`;
  throw new DomainError(why, undefined, "conflict");
}

export async function suspendShare(db: Db, { shareId, sharerId, now }: SharerArgs): Promise<Share> {
  return writeTx(db, async (tx) => {
    const share = await loadShareForSharer(tx, shareId, sharerId);
    if (effectiveStatus(share, now) !== "Active") refuse(share, now, "suspended");
    // Guarded so a concurrent suspend (another tab) changes the row once and logs once.
    const res = await tx
      .update(shares)
      .set({ suspendedAt: now })
      .where(and(eq(shares.id, share.id), eq(shares.status, "active"), isNull(shares.suspendedAt)));
    if (affected(res) !== 1)
      throw new DomainError("This share is already suspended.", undefined, "conflict");
    await recordEvent(tx, {
      shareId: share.id,
      sharerId,
      actorId: sharerId,
      type: "suspended",
      now,
    });
    return { ...share, suspendedAt: now };
  });
}

export async function resumeShare(db: Db, { shareId, sharerId, now }: SharerArgs): Promise<Share> {
  return writeTx(db, async (tx) => {
    const share = await loadShareForSharer(tx, shareId, sharerId);
    if (effectiveStatus(share, now) !== "Suspended") refuse(share, now, "resumed");
    const res = await tx
      .update(shares)
      .set({ suspendedAt: null })
      .where(
        and(eq(shares.id, share.id), eq(shares.status, "active"), isNotNull(shares.suspendedAt)),
      );
    if (affected(res) !== 1)
      throw new DomainError("This share is not suspended.", undefined, "conflict");
    await recordEvent(tx, {
      shareId: share.id,
      sharerId,
      actorId: sharerId,
      type: "resumed",
      data: { since: share.suspendedAt },
      now,
    });
    return { ...share, suspendedAt: null };
  });
}
