// Group invitations: each member gets their own link (/g/<token>), by which a person with
// no account signs up (the link proves the address, like a sharing link) and sees the
// devices at once: members never accept a group share.
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { getDb, transaction, type Db } from "@/db/client";
import { devices, groupMembers, groups, shareItems, shares, users, type User } from "@/db/schema";
import { formatEmailExpiry } from "@/lib/platform/format";
import { queueEmail } from "@/lib/platform/email/outbox";
import { action, compose, para, type EmailContent } from "@/lib/platform/email/templates";
import { kickEmailWorker } from "@/lib/platform/email/worker";
import { describePermissions, parsePermissions } from "@/lib/sharing/permissions";
import { liveSql } from "@/lib/sharing/status";
import { linkUrl } from "@/lib/sharing/links/share-link";
import { deriveLinkToken, hashToken } from "@/lib/sharing/tokens";
import { looksLikeToken } from "@/lib/platform/ids";

export const memberLink = (token: string) => linkUrl(token, "member");

export type GroupInviteInput = {
  sharerName: string;
  sharerEmail: string;
  groupName: string;
  memberEmail: string;
  link: string;
  devices: string[];
  permissions: string;
  expiresAt: number | null;
};

export function groupInvitationEmail(i: GroupInviteInput): EmailContent {
  const n = i.devices.length;
  const subject = `${i.sharerName} shared ${n} device${n === 1 ? "" : "s"} with your group ${i.groupName} on Keyshare`;
  const shown = i.devices.slice(0, 20);
  return compose(subject, "Devices shared with your group", [
    para("Hello,"),
    para(
      `${i.sharerName} (${i.sharerEmail}) added you to the group "${i.groupName}" and shares ` +
        `${n} device${n === 1 ? "" : "s"} with it on Keyshare:`,
    ),
    para(
      shown.map((d) => `- ${d}`).join("\n") +
        (n > shown.length ? `\nand ${n - shown.length} more` : ""),
    ),
    para(`Permissions: ${i.permissions}\nExpires: ${formatEmailExpiry(i.expiresAt)}`),
    para("Open the link below to create an account (or sign in); there is nothing to accept."),
    action("Open the devices", i.link),
    para(`This link works only for ${i.memberEmail}, while you are in the group.`),
  ]);
}

type Target = { memberId: string; email: string; nonce: string };

/**
 * Queues one email per member and notifying live share of the group. `emails` limits it to
 * newly added members; without it every member is told (a new group share).
 */
export async function notifyGroupMembers(
  db: Db,
  sharer: Pick<User, "name" | "email">,
  q: { groupId: string; shareIds?: string[]; emails?: string[]; now: number },
): Promise<number> {
  const group = (await db.select().from(groups).where(eq(groups.id, q.groupId)))[0];
  if (!group) return 0;
  const live = await db
    .select()
    .from(shares)
    .where(
      and(
        eq(shares.groupId, group.id),
        eq(shares.notify, true),
        liveSql(q.now),
        q.shareIds ? inArray(shares.id, q.shareIds) : undefined,
      ),
    );
  if (!live.length) return 0;
  const members: Target[] = await db
    .select({
      memberId: groupMembers.id,
      email: groupMembers.email,
      nonce: groupMembers.tokenNonce,
    })
    .from(groupMembers)
    .where(
      and(
        eq(groupMembers.groupId, group.id),
        q.emails ? inArray(groupMembers.email, q.emails) : undefined,
      ),
    );
  // Device names first (reads on the database), then every email in one transaction.
  const names = new Map<string, string[]>();
  for (const share of live)
    names.set(
      share.id,
      (
        await db
          .select({ name: devices.name })
          .from(shareItems)
          .innerJoin(devices, eq(devices.id, shareItems.deviceId))
          .where(and(eq(shareItems.shareId, share.id), isNull(shareItems.removedAt)))
          .orderBy(asc(devices.name))
      ).map((d) => d.name),
    );
  let queued = 0;
  await transaction(db, async (tx) => {
    for (const share of live) {
      for (const m of members) {
        const content = groupInvitationEmail({
          sharerName: sharer.name,
          sharerEmail: sharer.email,
          groupName: group.name,
          memberEmail: m.email,
          link: memberLink(deriveLinkToken(m.memberId, m.nonce)),
          devices: names.get(share.id) ?? [],
          permissions: describePermissions(parsePermissions(share.permissions)),
          expiresAt: share.expiresAt,
        });
        await queueEmail(tx, { to: m.email, ...content }, q.now);
        queued++;
      }
    }
  });
  if (queued) kickEmailWorker(getDb);
  return queued;
}

/** How many emails a new member would get: one per notifying live share of the group. */
export async function notifyingShareCount(db: Db, groupId: string, now: number): Promise<number> {
  return (
    await db
      .select({ id: shares.id })
      .from(shares)
      .where(and(eq(shares.groupId, groupId), eq(shares.notify, true), liveSql(now)))
  ).length;
}

/** The member a /g/ link names, while they are still in a live group. */
export async function resolveMemberLink(db: Db, token: string) {
  if (!looksLikeToken(token)) return null;
  return memberByTokenHash(db, hashToken(token));
}

export async function memberByTokenHash(db: Db, hash: string) {
  return (
    (
      await db
        .select({
          email: groupMembers.email,
          groupId: groups.id,
          groupName: groups.name,
          sharerName: users.name,
          sharerEmail: users.email,
        })
        .from(groupMembers)
        .innerJoin(groups, eq(groups.id, groupMembers.groupId))
        .innerJoin(users, eq(users.id, groups.ownerId))
        .where(and(eq(groupMembers.tokenHash, hash), isNull(groups.deletedAt)))
    )[0] ?? null
  );
}
