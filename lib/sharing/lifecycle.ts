// The recipient's side of a share (accept, decline, leave) and the sharing link.
import { affected, forUpdate, transaction } from "@/db/engine";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { devices, shareItems, shares, users, type Share } from "@/db/schema";
import type { Conn } from "@/db/transaction";
import { DomainError, NotFoundError } from "@/lib/platform/errors";
import { maskEmail } from "@/lib/sharing/links/mask-email";
import { recordEvent } from "@/lib/activity/events";
import {
  isInvitee,
  loadShareForRecipient,
  loadShareForSharer,
  writeTx,
  type Caller,
} from "./share-store";
import { LAPSED_LINK_MESSAGE, linkLapsed } from "./link-lifetime";
import { parsePermissions, type Operation } from "./permissions";
import { effectiveStatus, type EffectiveStatus } from "./status";
import { looksLikeToken } from "@/lib/platform/ids";
import { createLinkToken, hashToken } from "./tokens";
import { normalizeEmail } from "@/lib/platform/email-address";

type RecipientArgs = { shareId: string; user: Caller; now: number };
type LinkArgs = { token: string; user: Caller; now: number };

/** Why a share that is not pending can no longer be accepted or declined, in the recipient's words. */
function notPendingMessage(status: EffectiveStatus): string {
  switch (status) {
    case "Expired":
      return "This share has expired. Ask the sharer to extend it.";
    case "Active":
    case "Suspended":
      return "You have already accepted this share.";
    case "Cancelled":
      return "This share was cancelled by the sharer.";
    case "Declined":
      return "This share was declined.";
    default:
      return "You have left this share.";
  }
}

function assertPending(share: Share, now: number): void {
  const status = effectiveStatus(share, now);
  if (status !== "Pending") throw new DomainError(notPendingMessage(status), undefined, "conflict");
}

const stillPending = (shareId: string, now: number) =>
  and(
    eq(shares.id, shareId),
    eq(shares.status, "pending"),
    sql`(${shares.expiresAt} is null or ${shares.expiresAt} > ${now})`,
  );

async function accept(tx: Conn, share: Share, user: Caller, now: number): Promise<Share> {
  assertPending(share, now);
  // Guarded on status: of two concurrent accepts exactly one changes the row.
  const res = await tx
    .update(shares)
    .set({ status: "active", recipientId: user.id, acceptedAt: now })
    .where(stillPending(share.id, now));
  if (affected(res) !== 1)
    throw new DomainError("This share was already accepted.", undefined, "conflict");
  await recordEvent(tx, {
    shareId: share.id,
    sharerId: share.sharerId,
    actorId: user.id,
    type: "accepted",
    now,
  });
  return { ...share, status: "active", recipientId: user.id, acceptedAt: now };
}

async function decline(tx: Conn, share: Share, user: Caller, now: number): Promise<Share> {
  assertPending(share, now);
  const res = await tx
    .update(shares)
    .set({ status: "declined", recipientId: user.id, endedAt: now })
    .where(stillPending(share.id, now));
  if (affected(res) !== 1)
    throw new DomainError("This share is no longer pending.", undefined, "conflict");
  await tx.update(shareItems).set({ live: null }).where(eq(shareItems.shareId, share.id));
  await recordEvent(tx, {
    shareId: share.id,
    sharerId: share.sharerId,
    actorId: user.id,
    type: "declined",
    now,
  });
  return { ...share, status: "declined", recipientId: user.id, endedAt: now };
}

/**
 * A link is bound to its invited email: whoever holds it but signed in otherwise is told so
 * (with the invited address masked: the link may have reached the wrong person). Holding the
 * link is proof of the address, so an account that has not verified it yet may answer.
 */
async function shareByLink(tx: Conn, token: string, user: Caller, now: number): Promise<Share> {
  // Locked: of 50 racing accepts on two servers, the losers wait for the winner's commit
  // and then read the share as accepted (PostgreSQL READ COMMITTED re-reads a locked row).
  const share = await findByToken(tx, token, true);
  if (!share)
    throw new NotFoundError("This sharing link is not valid, or it has already been used.");
  if (!isInvitee(share, user)) {
    const invited = maskEmail(share.recipientEmail);
    throw new DomainError(
      `This sharing link was sent to ${invited}, but you are signed in as ${user.email}. Sign in with the invited address to accept it.`,
      undefined,
      "forbidden",
    );
  }
  if (effectiveStatus(share, now) === "Pending" && linkLapsed(share, now))
    throw new DomainError(LAPSED_LINK_MESSAGE, undefined, "conflict");
  return share;
}

/** Answering through the link proves the address it was sent to. */
async function verifyByLink(tx: Conn, share: Share, user: Caller, now: number): Promise<void> {
  if (user.emailVerified != null || share.recipientEmail !== normalizeEmail(user.email)) return;
  await tx
    .update(users)
    .set({ emailVerified: now })
    .where(and(eq(users.id, user.id), isNull(users.emailVerified)));
}

export async function acceptShare(db: Db, { shareId, user, now }: RecipientArgs): Promise<Share> {
  return writeTx(db, async (tx) =>
    accept(tx, await loadShareForRecipient(tx, shareId, user), user, now),
  );
}

export async function acceptLink(db: Db, { token, user, now }: LinkArgs): Promise<Share> {
  return writeTx(db, async (tx) => {
    const share = await accept(tx, await shareByLink(tx, token, user, now), user, now);
    await verifyByLink(tx, share, user, now);
    return share;
  });
}

export async function declineShare(db: Db, { shareId, user, now }: RecipientArgs): Promise<Share> {
  return writeTx(db, async (tx) =>
    decline(tx, await loadShareForRecipient(tx, shareId, user), user, now),
  );
}

export async function declineLink(db: Db, { token, user, now }: LinkArgs): Promise<Share> {
  return writeTx(db, async (tx) => {
    const share = await decline(tx, await shareByLink(tx, token, user, now), user, now);
    await verifyByLink(tx, share, user, now);
    return share;
  });
}

export async function leaveShare(db: Db, { shareId, user, now }: RecipientArgs): Promise<Share> {
  return writeTx(db, async (tx) => {
    const share = await loadShareForRecipient(tx, shareId, user);
    const status = effectiveStatus(share, now);
    if (status !== "Active" && status !== "Suspended") {
      const why =
        status === "Pending"
          ? "You have not accepted this share yet; decline it instead."
          : notPendingMessage(status);
      throw new DomainError(why, undefined, "conflict");
    }
    const res = await tx
      .update(shares)
      .set({ status: "left", endedAt: now })
      .where(and(eq(shares.id, share.id), eq(shares.status, "active")));
    if (affected(res) !== 1)
      throw new DomainError("This share is no longer active.", undefined, "conflict");
    await tx.update(shareItems).set({ live: null }).where(eq(shareItems.shareId, share.id));
    await recordEvent(tx, {
      shareId: share.id,
      sharerId: share.sharerId,
      actorId: user.id,
      type: "left",
      now,
    });
    return { ...share, status: "left", endedAt: now };
  });
}

/** A new single-use link for a pending share; the old one stops working at once. */
export async function regenerateLink(
  db: Db,
  { shareId, sharerId, now }: { shareId: string; sharerId: string; now: number },
): Promise<{ token: string }> {
  return writeTx(db, async (tx) => {
    const share = await loadShareForSharer(tx, shareId, sharerId);
    if (effectiveStatus(share, now) !== "Pending") {
      throw new DomainError("Only a pending share has a sharing link.", undefined, "conflict");
    }
    const { token, hash, nonce } = createLinkToken(share.id);
    await tx
      .update(shares)
      .set({ tokenHash: hash, tokenNonce: nonce, tokenCreatedAt: now })
      .where(eq(shares.id, share.id));
    await recordEvent(tx, {
      shareId: share.id,
      sharerId,
      actorId: sharerId,
      type: "link_regenerated",
      now,
    });
    return { token };
  });
}

/** Resend: the same link works for another LINK_LIFETIME_MS from now (pending shares only). */
export async function renewLink(
  db: Conn,
  { shareId, sharerId, now }: { shareId: string; sharerId: string; now: number },
): Promise<void> {
  return transaction(db, async (tx) => {
    await tx
      .update(shares)
      .set({ tokenCreatedAt: now })
      .where(
        and(eq(shares.id, shareId), eq(shares.sharerId, sharerId), eq(shares.status, "pending")),
      );
  });
}

/** With `lock` (inside the answering transaction), the share's row stays locked until it ends. */
async function findByToken(conn: Conn, token: string, lock = false): Promise<Share | undefined> {
  if (!looksLikeToken(token)) return undefined;
  const query = conn
    .select()
    .from(shares)
    .where(eq(shares.tokenHash, hashToken(token)));
  return (await (lock ? forUpdate(query) : query))[0];
}

/** The share of a link that can still be answered (pending, not lapsed), or null. */
export async function openLinkShare(conn: Conn, token: string, now: number): Promise<Share | null> {
  const share = await findByToken(conn, token);
  return share && effectiveStatus(share, now) === "Pending" && !linkLapsed(share, now)
    ? share
    : null;
}

export type ResolvedLink = {
  share: Share;
  status: EffectiveStatus;
  /** Pending, but the link is past its lifetime (LINK_LIFETIME_MS). */
  lapsed: boolean;
  permissions: Operation[];
  sharer: { id: string; name: string; email: string };
  devices: { id: string; name: string; kind: string }[];
};

/**
 * What the link page shows: who shares what, until when, with which permissions, in any
 * status (so it can say "expired" or "cancelled"). Null once used (accepted) or unknown.
 */
export async function resolveLink(
  db: Db,
  token: string,
  now: number,
): Promise<ResolvedLink | null> {
  const share = await findByToken(db, token);
  if (!share) return null;
  const sharer = (
    await db
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .where(eq(users.id, share.sharerId))
  )[0];
  const devs = await db
    .select({ id: devices.id, name: devices.name, kind: devices.kind })
    .from(shareItems)
    .innerJoin(devices, eq(devices.id, shareItems.deviceId))
    .where(and(eq(shareItems.shareId, share.id), isNull(shareItems.removedAt)))
    .orderBy(devices.name);
  const status = effectiveStatus(share, now);
  return {
    share,
    status,
    lapsed: status === "Pending" && linkLapsed(share, now),
    permissions: parsePermissions(share.permissions),
    sharer: sharer!,
    devices: devs,
  };
}
