import { addressesFor } from "@/lib/groups/membership";
import { transaction } from "@/db/engine";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { devices, shareItems, shares, users, type Share, type User } from "@/db/schema";
import { appUrl } from "@/lib/platform/email/app-url";
import { queueEmail } from "@/lib/platform/email/outbox";
import {
  invitationEmail,
  recipientRespondedEmail,
  sharedWithExistingUserEmail,
  sharerChangedEmail,
} from "@/lib/platform/email/templates";
import { kickEmailWorker } from "@/lib/platform/email/worker";
import { describePermissions, parsePermissions } from "@/lib/sharing/permissions";

// Who is told what. Mail is queued in the database and delivered by the worker, so an
// action never waits for (or fails because of) SMTP.

async function deviceNames(db: Db, shareIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (shareIds.length === 0) return out;
  const rows = await db
    .select({ shareId: shareItems.shareId, name: devices.name })
    .from(shareItems)
    .innerJoin(devices, eq(devices.id, shareItems.deviceId))
    .where(and(inArray(shareItems.shareId, shareIds), isNull(shareItems.removedAt)))
    .orderBy(devices.name);
  for (const r of rows) out.set(r.shareId, [...(out.get(r.shareId) ?? []), r.name]);
  return out;
}

/** Invitations for freshly created shares (only when the sharer ticked "Notify recipients"). */
export async function notifyShared(
  db: Db,
  sharer: User,
  created: { shareId: string; recipientEmail: string; link: string }[],
  now: number,
): Promise<void> {
  if (created.length === 0) return;
  const ids = created.map((c) => c.shareId);
  const names = await deviceNames(db, ids.slice(0, 900));
  const rows = new Map(
    (
      await db
        .select()
        .from(shares)
        .where(inArray(shares.id, ids.slice(0, 900)))
    ).map((s) => [s.id, s]),
  );
  await transaction(db, async (tx) => {
    for (const c of created) {
      const share = rows.get(c.shareId);
      if (!share) continue;
      const input = {
        sharerName: sharer.name,
        sharerEmail: sharer.email,
        recipientEmail: c.recipientEmail,
        link: c.link,
        devices: names.get(c.shareId) ?? [],
        permissions: describePermissions(parsePermissions(share.permissions)),
        expiresAt: share.expiresAt,
        message: share.message,
      };
      const content = share.recipientId
        ? sharedWithExistingUserEmail({ ...input, appUrl: appUrl() })
        : invitationEmail(input);
      await queueEmail(tx, { to: c.recipientEmail, ...content }, now);
    }
  });
  kickEmailWorker(getDb);
}

/** Tell the sharer that the recipient accepted, declined or left. */
export async function notifySharerOfResponse(
  db: Db,
  share: Share,
  recipient: User,
  action: "accepted" | "declined" | "left",
  now: number,
): Promise<void> {
  const sharer = (await db.select().from(users).where(eq(users.id, share.sharerId)))[0];
  if (!sharer) return;
  const content = recipientRespondedEmail({
    recipientEmail: recipient.email,
    recipientName: recipient.name,
    action,
    shareUrl: `${appUrl()}/shared-by-me/${share.id}`,
  });
  await queueEmail(db, { to: sharer.email, ...content }, now);
  kickEmailWorker(getDb);
}

/** Tell the recipient about the sharer's change; a pending share nobody was told about stays quiet. */
export async function notifyRecipientOfChange(
  db: Db,
  share: Share,
  sharer: User,
  change:
    | { action: "cancelled" }
    | { action: "devices_removed"; devices: string[] }
    | { action: "extended"; from: number | null; to: number },
  now: number,
): Promise<void> {
  if (share.status === "pending" && !share.notify) return;
  const content = sharerChangedEmail({
    sharerName: sharer.name,
    shareUrl: `${appUrl()}/shared-with-me/${share.id}`,
    ...change,
  });
  for (const to of await addressesFor(db, share)) await queueEmail(db, { to, ...content }, now);
  kickEmailWorker(getDb);
}
