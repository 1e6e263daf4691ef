// Sharing with a group: Rule 2 for the people it reaches, and a member leaving for themselves.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  groupMembers,
  groupShareLeaves,
  groups,
  shareItems,
  shares,
  type Share,
} from "@/db/schema";
import { DomainError, NotFoundError } from "@/lib/platform/errors";
import { chunked, type Conn } from "@/db/transaction";
import { recordEvent } from "@/lib/activity/events";
import { writeTx, type Caller, type Conflict } from "@/lib/sharing/share-store";
import { effectiveStatus, liveSql } from "@/lib/sharing/status";
import { reachesMember } from "./membership";
import { normalizeEmail } from "@/lib/platform/email-address";

/** A member of a chosen group who already holds a live direct share of a chosen device from this sharer. */
export type MemberConflict = Conflict & { groupId: string; groupName: string };

/**
 * Rule 2 for the people a group reaches: members who already hold a live direct item for
 * one of the devices from this sharer. Their direct share keeps governing (direct beats
 * group), so the sharer is told before sharing.
 */
export async function findMemberConflicts(
  conn: Conn,
  q: {
    sharerId: string;
    groups: readonly { id: string; name: string }[];
    deviceIds: readonly string[];
    now: number;
  },
): Promise<MemberConflict[]> {
  const out: MemberConflict[] = [];
  if (!q.groups.length || !q.deviceIds.length) return out;
  const names = new Map(q.groups.map((g) => [g.id, g.name]));
  for (const ids of chunked(q.deviceIds)) {
    const rows = await conn
      .select({
        deviceId: shareItems.deviceId,
        recipientEmail: shareItems.recipientEmail,
        shareId: shareItems.shareId,
        groupId: groupMembers.groupId,
      })
      .from(groupMembers)
      .innerJoin(
        shareItems,
        and(
          eq(shareItems.recipientEmail, groupMembers.email),
          eq(shareItems.sharerId, q.sharerId),
          sql`${shareItems.live} = 1`,
          inArray(shareItems.deviceId, ids),
        ),
      )
      .innerJoin(shares, eq(shares.id, shareItems.shareId))
      .where(and(inArray(groupMembers.groupId, [...names.keys()]), liveSql(q.now)));
    for (const r of rows) out.push({ ...r, groupName: names.get(r.groupId)! });
  }
  return out;
}

/** The share as one of its group's members sees it; 404 for anyone it does not reach. */
export async function loadShareForMember(
  conn: Conn,
  shareId: string,
  user: Caller,
): Promise<Share> {
  const share = (await conn.select().from(shares).where(eq(shares.id, shareId)))[0];
  if (!share || !(await reachesMember(conn, share, user)))
    throw new NotFoundError("Share not found");
  return share;
}

/** Whether this id names a group share that reaches the user now (else the direct path answers). */
export async function isGroupShareOf(db: Db, shareId: string, user: Caller): Promise<boolean> {
  const share = (
    await db
      .select({ id: shares.id, groupId: shares.groupId })
      .from(shares)
      .where(eq(shares.id, shareId))
  )[0];
  return !!share && (await reachesMember(db, share, user));
}

/** One member leaves a group share for themselves; the others keep it, the sharer sees who left. */
export async function leaveGroupShare(
  db: Db,
  a: { shareId: string; user: Caller; now: number },
): Promise<Share> {
  return writeTx(db, async (tx) => {
    const share = await loadShareForMember(tx, a.shareId, a.user);
    const status = effectiveStatus(share, a.now);
    if (status !== "Active" && status !== "Suspended")
      throw new DomainError(
        `This share is ${status.toLowerCase()}; there is nothing to leave.`,
        undefined,
        "conflict",
      );
    const email = normalizeEmail(a.user.email);
    await tx.insert(groupShareLeaves).values({ shareId: share.id, email, leftAt: a.now });
    await recordEvent(tx, {
      shareId: share.id,
      sharerId: share.sharerId,
      actorId: a.user.id,
      type: "member_left",
      data: { email },
      now: a.now,
    });
    return share;
  });
}

/** Who left this group share, for its sharer. */
export async function listLeavers(
  db: Db,
  shareId: string,
): Promise<{ email: string; leftAt: number }[]> {
  return await db
    .select({ email: groupShareLeaves.email, leftAt: groupShareLeaves.leftAt })
    .from(groupShareLeaves)
    .where(eq(groupShareLeaves.shareId, shareId))
    .orderBy(groupShareLeaves.leftAt);
}

/** Group names (deleted groups included: old shares keep naming theirs). */
export async function groupNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const part of chunked([...new Set(ids)])) {
    const rows = await db
      .select({ id: groups.id, name: groups.name })
      .from(groups)
      .where(inArray(groups.id, part));
    for (const r of rows) out.set(r.id, r.name);
  }
  return out;
}
