// The API's groups (issue 16): the portal's domain functions (lib/groups/store) with the same
// rules, invitation quota and emails as its server actions, plus a keyset page of groups.
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { type Conn } from "@/db/engine";
import { groups, type User } from "@/db/schema";
import { notifyGroupMembers, notifyingShareCount } from "@/lib/groups/notify";
import {
  addMembers,
  createGroup,
  deleteGroup,
  getGroup,
  removeMember,
  renameGroup,
} from "@/lib/groups/store";
import { spendInvitations } from "@/lib/sharing/invite-quota";
import { decodeCursor, encodeCursor, iso } from "./cursor";

/** The owner's groups by name (case-insensitive), keyset on (name key, id), with member counts. */
export async function listApiGroups(
  db: Conn,
  q: { ownerId: string; cursor?: string; limit: number },
) {
  const after = decodeCursor(q.cursor, "string");
  const memberCount = sql<number>`(select count(*) from "group_members" gm where gm.group_id = "groups"."id")`;
  const found = await db
    .select({
      id: groups.id,
      name: groups.name,
      nameKey: groups.nameKey,
      createdAt: groups.createdAt,
      memberCount,
    })
    .from(groups)
    .where(
      and(
        eq(groups.ownerId, q.ownerId),
        isNull(groups.deletedAt),
        after
          ? sql`(${groups.nameKey} >= ${after[0]} and (${groups.nameKey} > ${after[0]} or ${groups.id} > ${after[1]}))`
          : undefined,
      ),
    )
    .orderBy(asc(groups.nameKey), asc(groups.id))
    .limit(q.limit + 1);
  const page = found.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map((g) => ({
      id: g.id,
      name: g.name,
      memberCount: Number(g.memberCount),
      createdAt: iso(g.createdAt)!,
    })),
    nextCursor: found.length > q.limit && last ? encodeCursor([last.nameKey, last.id]) : null,
  };
}

/** One of the owner's groups with its members; "Group not found" (404) for any other. */
export async function loadApiGroup(db: Conn, ownerId: string, groupId: string, now: number) {
  const { group, members, liveShares } = await getGroup(db, { ownerId, groupId, now });
  return {
    id: group.id,
    name: group.name,
    memberCount: members.length,
    createdAt: iso(group.createdAt)!,
    members: members.map((m) => ({ ...m, addedAt: iso(m.addedAt)! })),
    liveShares,
  };
}

export async function createGroupForApi(
  db: Conn,
  user: User,
  body: { name: string; members?: string[] },
  now: number,
) {
  const { group } = await createGroup(db, {
    ownerId: user.id,
    name: body.name,
    members: body.members ?? [],
    now,
  });
  return loadApiGroup(db, user.id, group.id, now);
}

export async function renameGroupForApi(
  db: Conn,
  user: User,
  groupId: string,
  name: string,
  now: number,
) {
  await renameGroup(db, { ownerId: user.id, groupId, name });
  return loadApiGroup(db, user.id, groupId, now);
}

/**
 * As `Add members` in the portal: each new member has access at once to the group's shares
 * and gets the invitation email for each one that notifies, counted against the daily
 * invitations in the same transaction (over the limit: nobody is added, 429).
 */
export async function addMembersForApi(
  db: Conn,
  user: User,
  groupId: string,
  emails: string[],
  now: number,
) {
  const perMember = await notifyingShareCount(db, groupId, now);
  const { added } = await addMembers(db, {
    ownerId: user.id,
    groupId,
    emails,
    now,
    beforeCommit: (tx, fresh) => spendInvitations(tx, user.id, fresh.length * perMember, now),
  });
  const fresh = added.map((m) => m.email);
  return {
    body: { group: await loadApiGroup(db, user.id, groupId, now), added: fresh },
    after:
      fresh.length && perMember
        ? async (root: Conn) =>
            void (await notifyGroupMembers(root, user, { groupId, emails: fresh, now }))
        : undefined,
  };
}

/** `{member}` is an email address (it has an @) or the member's id. */
export async function removeMemberForApi(
  db: Conn,
  user: User,
  groupId: string,
  member: string,
  now: number,
) {
  const who = member.includes("@") ? { email: member } : { memberId: member };
  const removed = await removeMember(db, { ownerId: user.id, groupId, now, ...who });
  return {
    group: await loadApiGroup(db, user.id, groupId, now),
    removed: { id: removed.memberId, email: removed.email },
  };
}

/** As `Delete group`: its live shares are cancelled; the answer says how many. */
export async function deleteGroupForApi(db: Conn, user: User, groupId: string, now: number) {
  const { cancelledShares } = await deleteGroup(db, { ownerId: user.id, groupId, now });
  return { id: groupId, deleted: true as const, cancelledShares };
}
