// Groups and their members: the owner's side. Every function takes the owner's id and
// answers "Group not found" for a group that is not theirs (a 404, never a hint).
import { and, asc, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { groupMembers, groups, shareItems, shares, users, type Group } from "@/db/schema";
import { DomainError, NotFoundError } from "@/lib/platform/errors";
import { newId } from "@/lib/platform/ids";
import type { Conn, Tx } from "@/db/transaction";
import { forUpdate } from "@/db/engine";
import { recordEvent, type EventType } from "@/lib/activity/events";
import { writeTx } from "@/lib/sharing/share-store";
import { liveSql } from "@/lib/sharing/status";
import { createLinkToken } from "@/lib/sharing/tokens";
import { MAX_GROUP_MEMBERS } from "./validation";
import { recipientAllowed } from "@/lib/sharing/policies/policy";
import { getSharingPolicy } from "@/lib/sharing/policies/store";
import { enqueueGroupWebhooks } from "@/lib/webhooks/outbox";
import { normalizeEmail } from "@/lib/platform/email-address";

export type GroupSummary = { id: string; name: string; memberCount: number; createdAt: number };
export type AddedMember = { memberId: string; email: string; token: string };

const nameKey = (name: string) => name.trim().toLowerCase();

/**
 * The owner's live group, or "Group not found". `lock` (inside a transaction) holds the row
 * FOR UPDATE on PostgreSQL, so membership changes, renaming, sharing and deleting the same
 * group serialise across servers (SQLite's writer lock already does).
 */
export async function loadOwnedGroup(
  conn: Conn,
  ownerId: string,
  groupId: string,
  lock = false,
): Promise<Group> {
  const query = conn
    .select()
    .from(groups)
    .where(and(eq(groups.id, groupId), eq(groups.ownerId, ownerId), isNull(groups.deletedAt)));
  const g = (await (lock ? forUpdate(query) : query))[0];
  if (!g) throw new NotFoundError("Group not found");
  return g;
}

async function assertNameFree(
  conn: Conn,
  ownerId: string,
  name: string,
  exceptId?: string,
): Promise<void> {
  const clash = (
    await conn
      .select({ id: groups.id })
      .from(groups)
      .where(
        and(
          eq(groups.ownerId, ownerId),
          eq(groups.nameKey, nameKey(name)),
          isNull(groups.deletedAt),
        ),
      )
  )[0];
  if (clash && clash.id !== exceptId)
    throw new DomainError(`You already have a group named "${name}".`, "name", "conflict");
}

/** Rule 4 for the people a group reaches: the owner is never a member of their own group. */
async function assertNotSelf(
  conn: Conn,
  ownerId: string,
  emails: readonly string[],
): Promise<void> {
  const owner = (
    await conn.select({ email: users.email }).from(users).where(eq(users.id, ownerId))
  )[0];
  if (!owner) throw new NotFoundError("User not found");
  if (emails.includes(owner.email))
    throw new DomainError(`You cannot add yourself (${owner.email}) to a group.`, "members");
}

/** The owner's allowed domains (sharing policy) bind the people a group reaches too. */
async function assertAllowedByPolicy(
  conn: Conn,
  ownerId: string,
  emails: readonly string[],
): Promise<void> {
  const policy = await getSharingPolicy(conn as Db, ownerId);
  const refused = emails.filter((e) => !recipientAllowed(policy, e));
  if (!refused.length) return;
  const more = refused.length > 5 ? ` and ${refused.length - 5} more` : "";
  throw new DomainError(
    `Your sharing policy does not allow ${refused.slice(0, 5).join(", ")}${more}.`,
    "members",
  );
}

/** The group's shares that still give access (pending/active, unexpired). */
export async function liveGroupShares(conn: Conn, groupId: string, now: number) {
  return await conn
    .select({ id: shares.id, sharerId: shares.sharerId, notify: shares.notify })
    .from(shares)
    .where(and(eq(shares.groupId, groupId), liveSql(now)));
}

/** A membership change that changes access: one event on each live share of the group. */
async function recordOnLiveShares(
  tx: Conn,
  groupId: string,
  e: { actorId: string; type: EventType; email: string; now: number },
): Promise<void> {
  for (const s of await liveGroupShares(tx, groupId, e.now)) {
    await recordEvent(tx, {
      shareId: s.id,
      sharerId: s.sharerId,
      actorId: e.actorId,
      type: e.type,
      data: { email: e.email },
      now: e.now,
    });
  }
}

async function insertMembers(
  tx: Conn,
  group: Group,
  emails: readonly string[],
  actorId: string,
  now: number,
): Promise<AddedMember[]> {
  const present = new Set(
    (
      await tx
        .select({ email: groupMembers.email })
        .from(groupMembers)
        .where(eq(groupMembers.groupId, group.id))
    ).map((m) => m.email),
  );
  const wanted = [...new Set(emails.map(normalizeEmail))];
  const fresh = wanted.filter((e) => !present.has(e));
  if (present.size + fresh.length > MAX_GROUP_MEMBERS)
    throw new DomainError(`A group has at most ${MAX_GROUP_MEMBERS} members.`, "members");
  const added: AddedMember[] = [];
  for (const email of fresh) {
    const memberId = newId();
    const { token, hash, nonce } = createLinkToken(memberId);
    await tx.insert(groupMembers).values({
      id: memberId,
      groupId: group.id,
      email,
      tokenHash: hash,
      tokenNonce: nonce,
      addedAt: now,
    });
    await recordOnLiveShares(tx, group.id, { actorId, type: "member_added", email, now });
    await enqueueGroupWebhooks(tx, {
      type: "group.member_added",
      ownerId: group.ownerId,
      group,
      member: { id: memberId, email },
      actorId,
      now,
    });
    added.push({ memberId, email, token });
  }
  return added;
}

export async function createGroup(
  db: Db,
  a: { ownerId: string; name: string; members: readonly string[]; now: number },
): Promise<{ group: Group; added: AddedMember[] }> {
  return writeTx(db, async (tx) => {
    await assertNameFree(tx, a.ownerId, a.name);
    const members = a.members.map(normalizeEmail);
    await assertNotSelf(tx, a.ownerId, members);
    await assertAllowedByPolicy(tx, a.ownerId, members);
    const group: Group = {
      id: newId(),
      ownerId: a.ownerId,
      name: a.name.trim(),
      nameKey: nameKey(a.name),
      createdAt: a.now,
      deletedAt: null,
    };
    await tx.insert(groups).values(group);
    return { group, added: await insertMembers(tx, group, a.members, a.ownerId, a.now) };
  });
}

export async function renameGroup(
  db: Db,
  a: { ownerId: string; groupId: string; name: string },
): Promise<Group> {
  return writeTx(db, async (tx) => {
    const g = await loadOwnedGroup(tx, a.ownerId, a.groupId, true);
    await assertNameFree(tx, a.ownerId, a.name, g.id);
    await tx
      .update(groups)
      .set({ name: a.name.trim(), nameKey: nameKey(a.name) })
      .where(eq(groups.id, g.id));
    return { ...g, name: a.name.trim(), nameKey: nameKey(a.name) };
  });
}

/**
 * Adds members; those already in the group are left as they are. `beforeCommit` runs in the
 * same transaction (e.g. counting invitation emails): if it throws, nobody is added.
 */
export async function addMembers(
  db: Db,
  a: {
    ownerId: string;
    groupId: string;
    emails: readonly string[];
    now: number;
    beforeCommit?: (tx: Tx, added: AddedMember[]) => Promise<void>;
  },
): Promise<{ group: Group; added: AddedMember[] }> {
  return writeTx(db, async (tx) => {
    const group = await loadOwnedGroup(tx, a.ownerId, a.groupId, true);
    const emails = a.emails.map(normalizeEmail);
    await assertNotSelf(tx, a.ownerId, emails);
    await assertAllowedByPolicy(tx, a.ownerId, emails);
    const added = await insertMembers(tx, group, a.emails, a.ownerId, a.now);
    await a.beforeCommit?.(tx, added);
    return { group, added };
  });
}

/**
 * The member (named by email, or by the id the API lists) loses every share of the group at
 * once: access is resolved through this row.
 */
export async function removeMember(
  db: Db,
  a: { ownerId: string; groupId: string; now: number } & (
    { email: string; memberId?: undefined } | { memberId: string; email?: undefined }
  ),
): Promise<{ memberId: string; email: string }> {
  return writeTx(db, async (tx) => {
    const group = await loadOwnedGroup(tx, a.ownerId, a.groupId, true);
    const which =
      a.memberId !== undefined
        ? eq(groupMembers.id, a.memberId)
        : eq(groupMembers.email, normalizeEmail(a.email));
    const removed = await tx
      .delete(groupMembers)
      .where(and(eq(groupMembers.groupId, group.id), which))
      .returning({ id: groupMembers.id, email: groupMembers.email });
    const member = removed[0];
    if (!member) throw new NotFoundError("Member not found");
    await recordOnLiveShares(tx, group.id, {
      actorId: a.ownerId,
      type: "member_removed",
      email: member.email,
      now: a.now,
    });
    await enqueueGroupWebhooks(tx, {
      type: "group.member_removed",
      ownerId: a.ownerId,
      group,
      member,
      actorId: a.ownerId,
      now: a.now,
    });
    return { memberId: member.id, email: member.email };
  });
}

/** How many shares end if the group is deleted (for the confirmation). */
export async function countLiveGroupShares(
  db: Db,
  a: { ownerId: string; groupId: string; now: number },
): Promise<number> {
  const g = await loadOwnedGroup(db, a.ownerId, a.groupId);
  return (await liveGroupShares(db, g.id, a.now)).length;
}

/**
 * Deletes the group: its live shares are cancelled and its members dropped. The row stays
 * (deleted_at) so ended shares still name it; a new group with the same name is a new id
 * and reaches nothing of this one.
 */
export async function deleteGroup(
  db: Db,
  a: { ownerId: string; groupId: string; now: number },
): Promise<{ cancelledShares: number }> {
  return writeTx(db, async (tx) => {
    const g = await loadOwnedGroup(tx, a.ownerId, a.groupId, true);
    const live = (
      await tx
        .select({ id: shares.id })
        .from(shares)
        .where(and(eq(shares.groupId, g.id), inArray(shares.status, ["pending", "active"])))
    ).map((s) => s.id);
    if (live.length) {
      await tx
        .update(shares)
        .set({ status: "cancelled", endedAt: a.now })
        .where(inArray(shares.id, live));
      await tx.update(shareItems).set({ live: null }).where(inArray(shareItems.shareId, live));
      for (const id of live) {
        await recordEvent(tx, {
          shareId: id,
          sharerId: a.ownerId,
          actorId: a.ownerId,
          type: "cancelled",
          data: { reason: "group_deleted", group: g.name },
          now: a.now,
        });
      }
    }
    await tx.delete(groupMembers).where(eq(groupMembers.groupId, g.id));
    await tx.update(groups).set({ deletedAt: a.now }).where(eq(groups.id, g.id));
    return { cancelledShares: live.length };
  });
}

export async function listOwnGroups(db: Db, ownerId: string): Promise<GroupSummary[]> {
  const memberCount = sql<number>`(select count(*) from "group_members" gm where gm.group_id = "groups"."id")`;
  return (
    await db
      .select({ id: groups.id, name: groups.name, memberCount, createdAt: groups.createdAt })
      .from(groups)
      .where(and(eq(groups.ownerId, ownerId), isNull(groups.deletedAt)))
      .orderBy(asc(groups.nameKey))
  ).map((g) => ({ ...g, memberCount: Number(g.memberCount) }));
}

export type GroupMemberView = {
  id: string;
  email: string;
  name: string | null;
  addedAt: number;
};

export async function getGroup(
  db: Db,
  a: { ownerId: string; groupId: string; now: number },
): Promise<{ group: Group; members: GroupMemberView[]; liveShares: number }> {
  const group = await loadOwnedGroup(db, a.ownerId, a.groupId);
  // A name only for an account that proved the address: anyone can register an email.
  const members = await db
    .select({
      id: groupMembers.id,
      email: groupMembers.email,
      name: sql<string | null>`case when ${users.emailVerified} is not null then ${users.name} end`,
      addedAt: groupMembers.addedAt,
    })
    .from(groupMembers)
    .leftJoin(users, eq(users.email, groupMembers.email))
    .where(eq(groupMembers.groupId, group.id))
    .orderBy(asc(groupMembers.email));
  const liveShares = (await liveGroupShares(db, group.id, a.now)).length;
  return { group, members, liveShares };
}

/** Member counts of these groups, for the Shared by Me rows. */
export async function memberCountsIn(
  conn: Conn,
  groupIds: readonly string[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (!groupIds.length) return out;
  const rows = await conn
    .select({ groupId: groupMembers.groupId, n: count() })
    .from(groupMembers)
    .where(inArray(groupMembers.groupId, [...groupIds]))
    .groupBy(groupMembers.groupId);
  for (const r of rows) out.set(r.groupId, r.n);
  return out;
}

/** The owner's live groups among `ids`; anything else is "not found". */
export async function loadOwnedGroups(
  conn: Conn,
  ownerId: string,
  ids: readonly string[],
): Promise<Group[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  // Locked (PostgreSQL) like loadOwnedGroup: a group deleted meanwhile gets no new share.
  const found = await forUpdate(
    conn
      .select()
      .from(groups)
      .where(and(eq(groups.ownerId, ownerId), inArray(groups.id, unique), isNull(groups.deletedAt)))
      .orderBy(desc(groups.createdAt)),
  );
  if (found.length !== unique.length)
    throw new DomainError("Group not found.", "groups", "not_found");
  return found;
}

/** Members reached by these group shares (one invitation email each when notifying). */
export async function groupMemberTotal(
  conn: Conn,
  shared: readonly { groupId: string }[],
): Promise<number> {
  const counts = await memberCountsIn(
    conn,
    shared.map((s) => s.groupId),
  );
  return shared.reduce((n, s) => n + (counts.get(s.groupId) ?? 0), 0);
}
