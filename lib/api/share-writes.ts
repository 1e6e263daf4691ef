// The API's share writes: the same domain functions and the same policy, quota and
// notification steps as the portal's server actions, run inside the API's transaction.
import { eq } from "drizzle-orm";
import { type Conn } from "@/db/engine";
import { shares, type User } from "@/db/schema";
import { parseTime, weekdaysFromList } from "@/lib/access/schedule-text";
import { linkUrl } from "@/lib/sharing/links/share-link";
import { DomainError } from "@/lib/platform/errors";
import {
  notifyRecipientOfChange,
  notifySharerOfResponse,
  notifyShared,
} from "@/lib/sharing/notify";
import { enforceExtensionPolicy, enforceSharePolicy } from "@/lib/sharing/policies/enforce";
import { spendInvitations } from "@/lib/sharing/invite-quota";
import { acceptShare, declineShare, leaveShare, regenerateLink } from "@/lib/sharing/lifecycle";
import { addDevices, cancelDevices, cancelShare, extendShare } from "@/lib/sharing/manage-share";
import { shareDevices } from "@/lib/sharing/share-devices";
import { isGroupShareOf, leaveGroupShare } from "@/lib/groups/group-shares";
import { notifyGroupMembers } from "@/lib/groups/notify";
import { memberCountsIn } from "@/lib/groups/store";
import { resumeShare, suspendShare } from "@/lib/sharing/suspend";
import type { z } from "zod";
import type { newShareBody, scheduleSchema } from "./schemas";

function minutes(text: string | null | undefined, field: string): number | null {
  if (text == null) return null;
  const m = parseTime(text);
  if (m == null) throw new DomainError("Use a time of day, HH:MM.", `schedule.${field}`);
  return m;
}

/** The API's schedule (weekday names, HH:MM) → the domain's (bitmask, minutes). */
function domainSchedule(s: z.output<typeof scheduleSchema> | null | undefined) {
  if (!s) return null;
  return {
    startsAt: s.startsAt ?? null,
    weekdays: s.weekdays ? weekdaysFromList(s.weekdays) : null,
    windowStart: minutes(s.windowStart, "windowStart"),
    windowEnd: minutes(s.windowEnd, "windowEnd"),
    timeZone: s.timeZone,
    remoteAccess: s.remoteAccess ?? true,
  };
}

export async function createSharesForApi(
  db: Conn,
  user: User,
  body: z.output<typeof newShareBody>,
  now: number,
) {
  const input = {
    ...body,
    schedule: domainSchedule(body.schedule),
    notify: body.notify ?? false,
    skipConflicts: body.skipConflicts ?? false,
  };
  const full = { ...input, recipients: body.recipients ?? [], groups: body.groups ?? [] };
  await enforceSharePolicy(db, user.id, full, now);
  const result = await shareDevices(db, { sharerId: user.id, input: full, now });
  // One invitation per person reached, group members included (as the share dialog counts).
  const members = await memberCountsIn(
    db,
    result.groupShares.map((g) => g.groupId),
  );
  const reached = result.groupShares.reduce((n, g) => n + (members.get(g.groupId) ?? 0), 0);
  if (input.notify) await spendInvitations(db, user.id, result.shares.length + reached, now);
  const created = result.shares.map((s) => ({
    shareId: s.shareId,
    recipientEmail: s.recipientEmail,
    link: linkUrl(s.token),
  }));
  return {
    body: {
      shares: created.map((c) => ({
        id: c.shareId,
        recipientEmail: c.recipientEmail,
        status: "Pending" as const,
        link: c.link,
      })),
      skipped: result.skipped.map((s) => ({
        deviceId: s.deviceId,
        recipientEmail: s.recipientEmail,
        existingShareId: s.existingShareId,
      })),
      groupShares: result.groupShares.map((g) => ({
        id: g.shareId,
        groupId: g.groupId,
        groupName: g.groupName,
        memberCount: members.get(g.groupId) ?? 0,
        status: "Active" as const,
      })),
      directKept: result.memberConflicts.map((c) => ({
        deviceId: c.deviceId,
        memberEmail: c.recipientEmail,
        groupId: c.groupId,
        existingShareId: c.shareId,
      })),
    },
    after: input.notify
      ? async (root: Conn) => {
          await notifyShared(root, user, created, now);
          for (const g of result.groupShares)
            await notifyGroupMembers(root, user, {
              groupId: g.groupId,
              shareIds: [g.shareId],
              now,
            });
        }
      : undefined,
  };
}

const shareRow = async (db: Conn, id: string) =>
  (await db.select().from(shares).where(eq(shares.id, id)))[0];

export async function extendForApi(
  db: Conn,
  user: User,
  shareId: string,
  expiresAt: number,
  now: number,
) {
  const r = await extendShare(db, { shareId, sharerId: user.id, now, newExpiresAt: expiresAt });
  await enforceExtensionPolicy(db, user.id, r.to, now);
  return async (root: Conn) => {
    const share = await shareRow(root, shareId);
    if (share) await notifyRecipientOfChange(root, share, user, { action: "extended", ...r }, now);
  };
}

export async function cancelForApi(
  db: Conn,
  user: User,
  shareId: string,
  deviceIds: string[] | undefined,
  now: number,
) {
  const before = await shareRow(db, shareId);
  let cancelled = true;
  if (deviceIds) {
    cancelled = (await cancelDevices(db, { shareId, sharerId: user.id, deviceIds, now }))
      .shareCancelled;
  } else {
    await cancelShare(db, { shareId, sharerId: user.id, now });
  }
  return async (root: Conn) => {
    if (before && cancelled)
      await notifyRecipientOfChange(root, before, user, { action: "cancelled" }, now);
  };
}

export async function addDevicesForApi(
  db: Conn,
  user: User,
  shareId: string,
  body: { deviceIds: string[]; services?: Record<string, string[] | "all"> },
  now: number,
) {
  await addDevices(db, { shareId, sharerId: user.id, ...body, now });
}

export const suspendForApi = async (db: Conn, user: User, shareId: string, now: number) =>
  void (await suspendShare(db, { shareId, sharerId: user.id, now }));
export const resumeForApi = async (db: Conn, user: User, shareId: string, now: number) =>
  void (await resumeShare(db, { shareId, sharerId: user.id, now }));
export const newLinkForApi = async (db: Conn, user: User, shareId: string, now: number) =>
  linkUrl((await regenerateLink(db, { shareId, sharerId: user.id, now })).token);

const RESPOND = { accepted: acceptShare, declined: declineShare, left: leaveShare } as const;

export async function respondForApi(
  db: Conn,
  user: User,
  shareId: string,
  answer: keyof typeof RESPOND,
  now: number,
) {
  // A member leaves a group share for themselves (the others keep it), as in Shared with Me.
  const share =
    answer === "left" && (await isGroupShareOf(db, shareId, user))
      ? await leaveGroupShare(db, { shareId, user, now })
      : await RESPOND[answer](db, { shareId, user, now });
  return (root: Conn) => notifySharerOfResponse(root, share, user, answer, now);
}
