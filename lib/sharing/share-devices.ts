import { insertMany } from "@/db/engine";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { devices, shares, users } from "@/db/schema";
import { chunked, type Conn } from "@/db/transaction";
import { DomainError, NotFoundError } from "@/lib/platform/errors";
import { newId } from "@/lib/platform/ids";
import { recordEvent } from "@/lib/activity/events";
import {
  clearExpiredLiveItems,
  findLiveConflicts,
  insertItems,
  loadOwnedDevices,
  resolveServiceIds,
  ShareConflictError,
  writeTx,
  type PlannedItems,
} from "./share-store";
import { serializePermissions } from "./permissions";
import { createLinkToken } from "./tokens";
import { findMemberConflicts, type MemberConflict } from "@/lib/groups/group-shares";
import { groupRecipient } from "@/lib/groups/recipient";
import { loadOwnedGroups } from "@/lib/groups/store";
import { parseShareInput, type ShareRequest } from "./validation";
import { normalizeEmail } from "@/lib/platform/email-address";

export type SharedWith = {
  shareId: string;
  recipientEmail: string;
  recipientId: string | null;
  token: string;
};
export type SkippedPair = {
  deviceId: string;
  deviceName: string;
  recipientEmail: string;
  existingShareId: string;
};
export type GroupShared = { shareId: string; groupId: string; groupName: string };
export type ShareDevicesResult = {
  shares: SharedWith[];
  skipped: SkippedPair[];
  /** One share per chosen group (lib/groups); active at once, members never accept. */
  groupShares: GroupShared[];
  /** With skipConflicts: members who keep their live direct share of a device (direct beats group). */
  memberConflicts: MemberConflict[];
};

const pairKey = (email: string, deviceId: string) => `${email}\n${deviceId}`;

/**
 * Shares N devices with M recipients: one share per recipient holding all the devices, a
 * single-use link each, a "shared" event each, all in ONE transaction (Rule 3). Input is
 * validated here, so callers may pass the raw form object.
 */
export async function shareDevices(
  db: Db,
  args: { sharerId: string; input: ShareRequest | Record<string, unknown>; now: number },
): Promise<ShareDevicesResult> {
  const { sharerId, now } = args;
  const input = parseShareInput(args.input, now);
  const sharer = (
    await db.select({ email: users.email }).from(users).where(eq(users.id, sharerId))
  )[0];
  if (!sharer) throw new NotFoundError("User not found");
  if (input.recipients.includes(sharer.email)) {
    throw new DomainError(`You cannot share with yourself (${sharer.email}).`, "recipients");
  }

  return writeTx(db, async (tx) => {
    const devs = await loadOwnedDevices(tx, sharerId, input.deviceIds);
    const serviceIds = await resolveServiceIds(tx, devs, input.services);
    await clearExpiredLiveItems(tx, sharerId, now);
    const chosen = await loadOwnedGroups(tx, sharerId, input.groups);
    const groupOf = new Map(chosen.map((g) => [groupRecipient(g.id), g]));
    const targets = [...input.recipients, ...groupOf.keys()];
    const conflicts = await findLiveConflicts(tx, {
      sharerId,
      deviceIds: input.deviceIds,
      recipientEmails: targets,
      now,
    });
    const shown = (email: string) => {
      const g = groupOf.get(email);
      return g ? `group "${g.name}"` : email;
    };
    const named = conflicts.map((c) => ({
      ...c,
      recipientEmail: shown(c.recipientEmail),
      deviceName: devs.get(c.deviceId)!.name,
    }));
    // Members already holding the device directly keep that share (direct beats group).
    const members = await findMemberConflicts(tx, {
      sharerId,
      groups: chosen,
      deviceIds: input.deviceIds,
      now,
    });
    const memberNamed = members.map((c) => ({
      ...c,
      recipientEmail: `${c.recipientEmail} (member of "${c.groupName}")`,
      deviceName: devs.get(c.deviceId)!.name,
    }));
    if ((named.length || memberNamed.length) && !input.skipConflicts)
      throw new ShareConflictError([...named, ...memberNamed]);
    const skip = new Set(conflicts.map((c) => pairKey(c.recipientEmail, c.deviceId)));

    const known = await recipientUserIds(tx, input.recipients);
    const permissions = serializePermissions(input.permissions);
    const s = input.schedule;
    const shareRows: (typeof shares.$inferInsert)[] = [];
    const planned: PlannedItems[] = [];
    const result: SharedWith[] = [];
    const groupShares: GroupShared[] = [];
    const deviceCount = new Map<string, number>();
    for (const email of targets) {
      const group = groupOf.get(email);
      const deviceIds = skip.size
        ? input.deviceIds.filter((id) => !skip.has(pairKey(email, id)))
        : input.deviceIds;
      if (deviceIds.length === 0) continue; // every pair conflicted: no empty share
      const shareId = newId();
      // A group share has no link: members are reached through the group, without accepting.
      const { token, hash, nonce } = group
        ? { token: "", hash: null, nonce: null }
        : createLinkToken(shareId);
      const recipientId = known.get(email) ?? null;
      shareRows.push({
        id: shareId,
        sharerId,
        recipientEmail: email,
        recipientId,
        permissions,
        expiresAt: input.expiresAt,
        description: input.description,
        message: input.message,
        notify: input.notify,
        status: group ? "active" : "pending",
        acceptedAt: group ? now : null,
        groupId: group?.id ?? null,
        startsAt: s?.startsAt ?? null,
        weekdays: s?.weekdays ?? null,
        windowStart: s?.windowStart ?? null,
        windowEnd: s?.windowEnd ?? null,
        timeZone: s ? s.timeZone : null,
        remoteAccess: s?.remoteAccess ?? true,
        tokenHash: hash,
        tokenNonce: nonce,
        tokenCreatedAt: group ? null : now,
        createdAt: now,
      });
      planned.push({ shareId, recipientEmail: email, deviceIds });
      deviceCount.set(shareId, deviceIds.length);
      if (group) groupShares.push({ shareId, groupId: group.id, groupName: group.name });
      else result.push({ shareId, recipientEmail: email, recipientId, token });
    }
    await insertMany(tx, shares, shareRows);
    await insertItems(tx, { sharerId, now, serviceIds, shares: planned });
    for (const r of shareRows) {
      await recordEvent(tx, {
        shareId: r.id!,
        sharerId,
        actorId: sharerId,
        type: "shared",
        now,
        data: {
          recipientEmail: shown(r.recipientEmail),
          deviceCount: deviceCount.get(r.id!),
          permissions,
          expiresAt: input.expiresAt,
        },
      });
    }
    return {
      shares: result,
      groupShares,
      memberConflicts: members,
      skipped: named.map((c) => ({
        deviceId: c.deviceId,
        deviceName: c.deviceName,
        recipientEmail: c.recipientEmail,
        existingShareId: c.shareId,
      })),
    };
  });
}

/**
 * Recipients whose account has proven the address: their new shares are bound to them at
 * once. An account that merely registered the address is not bound (it could be anyone's);
 * its share stays addressed by email until the address is verified or the link is used.
 */
async function recipientUserIds(
  conn: Conn,
  emails: readonly string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const part of chunked(emails)) {
    const rows = await conn
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(and(inArray(users.email, part), isNotNull(users.emailVerified)));
    for (const u of rows) out.set(u.email, u.id);
  }
  return out;
}

/**
 * Preview of Rule 2 for the share dialog: which device × recipient pairs already have a
 * live share from this sharer. Only the sharer's own devices are considered.
 */
export async function findConflicts(
  db: Db,
  q: {
    sharerId: string;
    deviceIds: readonly string[];
    recipientEmails: readonly string[];
    now: number;
  },
): Promise<SkippedPair[]> {
  const emails = [...new Set(q.recipientEmails.map(normalizeEmail).filter(Boolean))];
  const ids = [...new Set(q.deviceIds)];
  const conflicts = await findLiveConflicts(db, {
    sharerId: q.sharerId,
    deviceIds: ids,
    recipientEmails: emails,
    now: q.now,
  });
  const names = new Map<string, string>();
  for (const part of chunked([...new Set(conflicts.map((c) => c.deviceId))])) {
    const rows = await db
      .select({ id: devices.id, name: devices.name })
      .from(devices)
      .where(and(eq(devices.ownerId, q.sharerId), inArray(devices.id, part)));
    for (const r of rows) names.set(r.id, r.name);
  }
  return conflicts
    .filter((c) => names.has(c.deviceId))
    .map((c) => ({
      deviceId: c.deviceId,
      deviceName: names.get(c.deviceId)!,
      recipientEmail: c.recipientEmail,
      existingShareId: c.shareId,
    }));
}
