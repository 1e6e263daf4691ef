// Live membership, resolved when asked: who a group share reaches is read from
// group_members at that moment, never copied into the share.
import { and, count, eq, isNotNull, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { groupMembers, groupShareLeaves, groups, shares, type Share } from "@/db/schema";
import type { Conn } from "@/db/transaction";
import type { Caller } from "@/lib/sharing/share-store";
import { GROUP_RECIPIENT_PREFIX, isGroupRecipient } from "./recipient";
import { normalizeEmail } from "@/lib/platform/email-address";

/**
 * A share reaches `user` through its group: the user's address is verified (anyone can
 * register an address), it is a member of the share's group now, and they have not left it.
 */
export async function reachesMember(
  conn: Conn,
  share: Pick<Share, "id" | "groupId">,
  user: Caller,
): Promise<boolean> {
  if (share.groupId == null || user.emailVerified == null) return false;
  const email = normalizeEmail(user.email);
  const member = (
    await conn
      .select({ id: groupMembers.id })
      .from(groupMembers)
      .where(and(eq(groupMembers.groupId, share.groupId), eq(groupMembers.email, email)))
  )[0];
  if (!member) return false;
  return !(await hasLeft(conn, share.id, email));
}

export async function hasLeft(conn: Conn, shareId: string, email: string): Promise<boolean> {
  return !!(
    await conn
      .select({ at: groupShareLeaves.leftAt })
      .from(groupShareLeaves)
      .where(
        and(
          eq(groupShareLeaves.shareId, shareId),
          eq(groupShareLeaves.email, normalizeEmail(email)),
        ),
      )
  )[0];
}

/**
 * SQL for "this share reaches the user through a group" (Shared with Me). Null for an
 * unverified address: group shares stay invisible until the address is proven.
 */
export function groupShareReachesSql(user: Caller): SQL | undefined {
  if (user.emailVerified == null) return undefined;
  const email = normalizeEmail(user.email);
  return and(
    isNotNull(shares.groupId),
    sql`${shares.groupId} in (select ${groupMembers.groupId} from ${groupMembers}
      where ${groupMembers.email} = ${email})`,
    notLeftSql(email),
  );
}

/**
 * The same rule as a join for queries that start from the user's memberships
 * (lib/sharing/received.ts), for a verified, normalized `email`: `from` holds group_members
 * and shares, CROSS JOIN so SQLite
 * keeps that order (PostgreSQL plans it freely) and never reads a sharer's whole history.
 */
export function groupShareReachesJoin(email: SQLWrapper | string): { from: SQL; where: SQL } {
  return {
    from: sql`${groupMembers} cross join ${shares}`,
    where: and(
      eq(groupMembers.email, email),
      eq(shares.groupId, groupMembers.groupId),
      notLeftSql(email),
    )!,
  };
}

const notLeftSql = (email: SQLWrapper | string) =>
  sql`not exists (select 1 from ${groupShareLeaves} where ${groupShareLeaves.shareId} = ${shares.id}
      and ${groupShareLeaves.email} = ${email})`;

/** A group's name (deleted groups too: old shares keep naming theirs). */
export async function groupNameOf(conn: Conn, groupId: string | null): Promise<string | null> {
  if (groupId == null) return null;
  return (
    (await conn.select({ name: groups.name }).from(groups).where(eq(groups.id, groupId)))[0]
      ?.name ?? null
  );
}

/** What the sharer sees of a group share: its group, members now, and who left it. */
export async function groupShareFacts(conn: Conn, share: Pick<Share, "id" | "groupId">) {
  if (share.groupId == null) return null;
  const memberCount = (
    await conn
      .select({ n: count() })
      .from(groupMembers)
      .where(eq(groupMembers.groupId, share.groupId))
  )[0]!.n;
  const leavers = await conn
    .select({ email: groupShareLeaves.email, leftAt: groupShareLeaves.leftAt })
    .from(groupShareLeaves)
    .where(eq(groupShareLeaves.shareId, share.id))
    .orderBy(groupShareLeaves.leftAt);
  return {
    groupId: share.groupId,
    groupName: (await groupNameOf(conn, share.groupId)) ?? "",
    memberCount,
    leavers,
  };
}

/**
 * Who to write to about a share: its recipient, or for a group share every member now who
 * has not left it (emails about a group share never go to its "group:…" address).
 */
export async function addressesFor(
  conn: Conn,
  share: { id: string; recipientEmail: string },
): Promise<string[]> {
  if (!isGroupRecipient(share.recipientEmail)) return [share.recipientEmail];
  const groupId = share.recipientEmail.slice(GROUP_RECIPIENT_PREFIX.length);
  return (
    await conn
      .select({ email: groupMembers.email })
      .from(groupMembers)
      .where(
        and(
          eq(groupMembers.groupId, groupId),
          sql`not exists (select 1 from ${groupShareLeaves} where ${groupShareLeaves.shareId} = ${share.id}
          and ${groupShareLeaves.email} = ${groupMembers.email})`,
        ),
      )
  ).map((m) => m.email);
}

/** How a share's recipient is named to its sharer: the person's address, or `group "<name>"`. */
export async function recipientLabel(conn: Conn, recipientEmail: string): Promise<string> {
  if (!isGroupRecipient(recipientEmail)) return recipientEmail;
  const name = await groupNameOf(conn, recipientEmail.slice(GROUP_RECIPIENT_PREFIX.length));
  return `group "${name ?? "deleted group"}"`;
}
