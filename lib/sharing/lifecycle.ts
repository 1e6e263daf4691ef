// The recipient's side of a share (accept, decline, leave) and the sharing link.
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { devices, shareItems, shares, users, type Share } from "@/db/schema";
import { DomainError, NotFoundError } from "@/lib/errors";
import { isRecipient, loadShareForRecipient, loadShareForSharer, recordEvent, writeTx, type Caller, type Conn } from "./internal";
import { parsePermissions, type Operation } from "./permissions";
import { effectiveStatus, type EffectiveStatus } from "./status";
import { createLinkToken, hashToken, looksLikeLinkToken } from "./tokens";

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
  and(eq(shares.id, shareId), eq(shares.status, "pending"), sql`(${shares.expiresAt} is null or ${shares.expiresAt} > ${now})`);

function accept(tx: Conn, share: Share, user: Caller, now: number): Share {
  assertPending(share, now);
  // Guarded on status: of two concurrent accepts exactly one changes the row.
  const res = tx
    .update(shares)
    .set({ status: "active", recipientId: user.id, acceptedAt: now })
    .where(stillPending(share.id, now))
    .run();
  if (res.changes !== 1) throw new DomainError("This share was already accepted.", undefined, "conflict");
  recordEvent(tx, { shareId: share.id, sharerId: share.sharerId, actorId: user.id, type: "accepted", now });
  return { ...share, status: "active", recipientId: user.id, acceptedAt: now };
}

function decline(tx: Conn, share: Share, user: Caller, now: number): Share {
  assertPending(share, now);
  const res = tx
    .update(shares)
    .set({ status: "declined", recipientId: user.id, endedAt: now })
    .where(stillPending(share.id, now))
    .run();
  if (res.changes !== 1) throw new DomainError("This share is no longer pending.", undefined, "conflict");
  tx.update(shareItems).set({ live: null }).where(eq(shareItems.shareId, share.id)).run();
  recordEvent(tx, { shareId: share.id, sharerId: share.sharerId, actorId: user.id, type: "declined", now });
  return { ...share, status: "declined", recipientId: user.id, endedAt: now };
}

/** A link is bound to its invited email: whoever holds it but signed in otherwise is told so. */
function shareByLink(tx: Conn, token: string, user: Caller): Share {
  const share = findByToken(tx, token);
  if (!share) throw new NotFoundError("This sharing link is not valid, or it has already been used.");
  if (!isRecipient(share, user)) {
    throw new DomainError(
      `This sharing link was sent to ${share.recipientEmail}, but you are signed in as ${user.email}. Sign in as ${share.recipientEmail} to accept it.`,
      undefined,
      "forbidden",
    );
  }
  return share;
}

export function acceptShare(db: Db, { shareId, user, now }: RecipientArgs): Share {
  return writeTx(db, (tx) => accept(tx, loadShareForRecipient(tx, shareId, user), user, now));
}

export function acceptLink(db: Db, { token, user, now }: LinkArgs): Share {
  return writeTx(db, (tx) => accept(tx, shareByLink(tx, token, user), user, now));
}

export function declineShare(db: Db, { shareId, user, now }: RecipientArgs): Share {
  return writeTx(db, (tx) => decline(tx, loadShareForRecipient(tx, shareId, user), user, now));
}

export function declineLink(db: Db, { token, user, now }: LinkArgs): Share {
  return writeTx(db, (tx) => decline(tx, shareByLink(tx, token, user), user, now));
}

export function leaveShare(db: Db, { shareId, user, now }: RecipientArgs): Share {
  return writeTx(db, (tx) => {
    const share = loadShareForRecipient(tx, shareId, user);
    const status = effectiveStatus(share, now);
    if (status !== "Active" && status !== "Suspended") {
      const why = status === "Pending" ? "You have not accepted this share yet; decline it instead." : notPendingMessage(status);
      throw new DomainError(why, undefined, "conflict");
    }
    const res = tx
      .update(shares)
      .set({ status: "left", endedAt: now })
      .where(and(eq(shares.id, share.id), eq(shares.status, "active")))
      .run();
    if (res.changes !== 1) throw new DomainError("This share is no longer active.", undefined, "conflict");
    tx.update(shareItems).set({ live: null }).where(eq(shareItems.shareId, share.id)).run();
    recordEvent(tx, { shareId: share.id, sharerId: share.sharerId, actorId: user.id, type: "left", now });
    return { ...share, status: "left", endedAt: now };
  });
}

/** A new single-use link for a pending share; the old one stops working at once. */
export function regenerateLink(db: Db, { shareId, sharerId, now }: { shareId: string; sharerId: string; now: number }): { token: string } {
  return writeTx(db, (tx) => {
    const share = loadShareForSharer(tx, shareId, sharerId);
    if (effectiveStatus(share, now) !== "Pending") {
      throw new DomainError("Only a pending share has a sharing link.", undefined, "conflict");
    }
    const { token, hash, nonce } = createLinkToken(share.id);
    tx.update(shares).set({ tokenHash: hash, tokenNonce: nonce, tokenCreatedAt: now }).where(eq(shares.id, share.id)).run();
    recordEvent(tx, { shareId: share.id, sharerId, actorId: sharerId, type: "link_regenerated", now });
    return { token };
  });
}

function findByToken(conn: Conn, token: string): Share | undefined {
  if (!looksLikeLinkToken(token)) return undefined;
  return conn.select().from(shares).where(eq(shares.tokenHash, hashToken(token))).get();
}

export type ResolvedLink = {
  share: Share;
  status: EffectiveStatus;
  permissions: Operation[];
  sharer: { id: string; name: string; email: string };
  devices: { id: string; name: string; kind: string }[];
};

/**
 * What the link page shows: who shares what, until when, with which permissions, in any
 * status (so it can say "expired" or "cancelled"). Null once used (accepted) or unknown.
 */
export function resolveLink(db: Db, token: string, now: number): ResolvedLink | null {
  const share = findByToken(db, token);
  if (!share) return null;
  const sharer = db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, share.sharerId)).get();
  const devs = db
    .select({ id: devices.id, name: devices.name, kind: devices.kind })
    .from(shareItems)
    .innerJoin(devices, eq(devices.id, shareItems.deviceId))
    .where(and(eq(shareItems.shareId, share.id), isNull(shareItems.removedAt)))
    .orderBy(devices.name)
    .all();
  return { share, status: effectiveStatus(share, now), permissions: parsePermissions(share.permissions), sharer: sharer!, devices: devs };
}
