// The sharer's side of an existing share: cancel it, remove or add devices, extend it.
import { affected } from "@/db/engine";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { devices, shareEvents, shareItems, shares, type Share } from "@/db/schema";
import { chunked, type Conn } from "@/db/transaction";
import { DomainError } from "@/lib/platform/errors";
import { recordEvent } from "@/lib/activity/events";
import {
  clearExpiredLiveItems,
  findLiveConflicts,
  insertItems,
  loadOwnedDevices,
  loadShareForSharer,
  resolveServiceIds,
  ShareConflictError,
  writeTx,
} from "./share-store";
import { effectiveStatus, isExpired, isLive } from "./status";
import { MAX_DEVICES, maxExpiry } from "./validation";

type SharerArgs = { shareId: string; sharerId: string; now: number };

/** Stored pending/active, expired or not: the share has not been ended by anyone. */
function assertNotEnded(share: Share, now: number, action: string): void {
  if (share.status !== "pending" && share.status !== "active") {
    const status = effectiveStatus(share, now).toLowerCase();
    throw new DomainError(
      `This share is already ${status}; it cannot ${action}.`,
      undefined,
      "conflict",
    );
  }
}

async function endShare(
  tx: Conn,
  share: Share,
  sharerId: string,
  now: number,
  data?: unknown,
): Promise<void> {
  const res = await tx
    .update(shares)
    .set({ status: "cancelled", endedAt: now })
    .where(and(eq(shares.id, share.id), inArray(shares.status, ["pending", "active"])));
  if (affected(res) !== 1)
    throw new DomainError("This share has already ended.", undefined, "conflict");
  await tx.update(shareItems).set({ live: null }).where(eq(shareItems.shareId, share.id));
  await recordEvent(tx, {
    shareId: share.id,
    sharerId,
    actorId: sharerId,
    type: "cancelled",
    data,
    now,
  });
}

/** Ends the whole share (Rule 6). Pending, active and expired shares can be cancelled. */
export async function cancelShare(db: Db, { shareId, sharerId, now }: SharerArgs): Promise<void> {
  await writeTx(db, async (tx) => {
    const share = await loadShareForSharer(tx, shareId, sharerId);
    assertNotEnded(share, now, "be cancelled");
    await endShare(tx, share, sharerId, now);
  });
}

function uniqueIds(ids: readonly string[]): string[] {
  const list = [...new Set(ids.filter((id) => typeof id === "string" && id.length > 0))];
  if (!list.length) throw new DomainError("Select at least one device.", "deviceIds");
  if (list.length > MAX_DEVICES)
    throw new DomainError(`Select at most ${MAX_DEVICES} devices.`, "deviceIds");
  return list;
}

/** The share's current (not removed) devices, by device id. */
async function currentItems(
  conn: Conn,
  shareId: string,
): Promise<Map<string, { deviceId: string; name: string }>> {
  const rows = await conn
    .select({ deviceId: shareItems.deviceId, name: devices.name })
    .from(shareItems)
    .innerJoin(devices, eq(devices.id, shareItems.deviceId))
    .where(and(eq(shareItems.shareId, shareId), isNull(shareItems.removedAt)));
  return new Map(rows.map((r) => [r.deviceId, r]));
}

/**
 * Removes chosen devices from a share: they vanish from the recipient's view at once.
 * Removing the last one cancels the share (Rule 6).
 */
export async function cancelDevices(
  db: Db,
  { shareId, sharerId, deviceIds, now }: SharerArgs & { deviceIds: readonly string[] },
): Promise<{ removed: number; shareCancelled: boolean }> {
  return writeTx(db, async (tx) => {
    const share = await loadShareForSharer(tx, shareId, sharerId);
    assertNotEnded(share, now, "change");
    const ids = uniqueIds(deviceIds);
    const current = await currentItems(tx, share.id);
    if (ids.some((id) => !current.has(id)))
      throw new DomainError("Device not found.", "deviceIds", "not_found");
    for (const part of chunked(ids)) {
      await tx
        .update(shareItems)
        .set({ removedAt: now, live: null })
        .where(
          and(
            eq(shareItems.shareId, share.id),
            isNull(shareItems.removedAt),
            inArray(shareItems.deviceId, part),
          ),
        );
    }
    const removed = ids.map((id) => ({ id, name: current.get(id)!.name }));
    await recordEvent(tx, {
      shareId: share.id,
      sharerId,
      actorId: sharerId,
      type: "devices_removed",
      data: { devices: removed },
      now,
    });
    const shareCancelled = current.size === ids.length;
    if (shareCancelled) await endShare(tx, share, sharerId, now, { reason: "last_device_removed" });
    return { removed: ids.length, shareCancelled };
  });
}

/** Adds the sharer's own devices to a live share, under the same rules as sharing. */
export async function addDevices(
  db: Db,
  args: SharerArgs & { deviceIds: readonly string[]; services?: Record<string, string[] | "all"> },
): Promise<{ added: number }> {
  const { shareId, sharerId, now } = args;
  return writeTx(db, async (tx) => {
    const share = await loadShareForSharer(tx, shareId, sharerId);
    if (!isLive(share, now)) {
      throw new DomainError(
        "Devices can only be added to a pending or active share.",
        undefined,
        "conflict",
      );
    }
    const current = await currentItems(tx, share.id);
    const ids = uniqueIds(args.deviceIds);
    const devs = await loadOwnedDevices(tx, sharerId, ids);
    // As in shareDevices: a services entry (even "all") must name a selected device.
    if (Object.keys(args.services ?? {}).some((id) => !devs.has(id))) {
      throw new DomainError("Services were chosen for a device that is not selected.", "services");
    }
    const fresh = ids.filter((id) => !current.has(id));
    if (!fresh.length)
      throw new DomainError("These devices are already in this share.", "deviceIds");
    for (const id of ids) if (current.has(id)) devs.delete(id);
    const serviceIds = await resolveServiceIds(tx, devs, args.services);
    await clearExpiredLiveItems(tx, sharerId, now);
    const conflicts = await findLiveConflicts(tx, {
      sharerId,
      deviceIds: fresh,
      recipientEmails: [share.recipientEmail],
      now,
    });
    if (conflicts.length)
      throw new ShareConflictError(
        conflicts.map((c) => ({ ...c, deviceName: devs.get(c.deviceId)!.name })),
      );
    await insertItems(tx, {
      sharerId,
      now,
      serviceIds,
      shares: [{ shareId: share.id, recipientEmail: share.recipientEmail, deviceIds: fresh }],
    });
    const added = fresh.map((id) => ({ id, name: devs.get(id)!.name }));
    await recordEvent(tx, {
      shareId: share.id,
      sharerId,
      actorId: sharerId,
      type: "devices_added",
      data: { devices: added },
      now,
    });
    return { added: fresh.length };
  });
}

/**
 * Rule 5: extends from the current expiry, or from now when already expired. Give either
 * an absolute `newExpiresAt` or a duration `extendBy` (ms). Permissions never change.
 */
export async function extendShare(
  db: Db,
  args: SharerArgs & { newExpiresAt?: number; extendBy?: number },
): Promise<{ from: number; to: number }> {
  const { shareId, sharerId, now } = args;
  return writeTx(db, async (tx) => {
    const share = await loadShareForSharer(tx, shareId, sharerId);
    assertNotEnded(share, now, "be extended; share the devices again instead");
    const from = share.expiresAt;
    if (from == null)
      throw new DomainError(
        "This share is permanent: there is no expiry to extend.",
        "expiresAt",
        "conflict",
      );
    const expired = isExpired(share, now);
    const base = expired ? now : from;
    const hasDate = args.newExpiresAt != null;
    const hasBy = args.extendBy != null;
    if (hasDate === hasBy)
      throw new DomainError("Choose either a new expiry date or a duration.", "expiresAt");
    if (hasBy && (!Number.isInteger(args.extendBy) || args.extendBy! <= 0)) {
      throw new DomainError("The extension must be a positive duration.", "expiresAt");
    }
    const to = hasDate ? args.newExpiresAt! : base + args.extendBy!;
    if (!Number.isInteger(to) || to <= base) {
      const msg = expired
        ? "The new expiry must be in the future."
        : "The new expiry must be after the current expiry.";
      throw new DomainError(msg, "expiresAt");
    }
    if (to > maxExpiry(now))
      throw new DomainError("The expiry can be at most 5 years from now.", "expiresAt");

    if (expired) await revive(tx, share, now);
    await tx.update(shares).set({ expiresAt: to }).where(eq(shares.id, share.id));
    await recordEvent(tx, {
      shareId: share.id,
      sharerId,
      actorId: sharerId,
      type: "extended",
      data: { from, to },
      now,
    });
    return { from, to };
  });
}

/**
 * An expired share coming back to life takes its devices again, unless a newer live share
 * of the same sharer already gives one of them to this recipient (Rule 2).
 */
async function revive(tx: Conn, share: Share, now: number): Promise<void> {
  await recordExpiry(tx, share);
  await clearExpiredLiveItems(tx, share.sharerId, now);
  const current = await currentItems(tx, share.id);
  const conflicts = await findLiveConflicts(tx, {
    sharerId: share.sharerId,
    deviceIds: [...current.keys()],
    recipientEmails: [share.recipientEmail],
    now,
    excludeShareId: share.id,
  });
  if (conflicts.length)
    throw new ShareConflictError(
      conflicts.map((c) => ({ ...c, deviceName: current.get(c.deviceId)!.name })),
    );
  await tx
    .update(shareItems)
    .set({ live: 1 })
    .where(and(eq(shareItems.shareId, share.id), isNull(shareItems.removedAt)));
}

/** The "expired" activity entry, dated at the expiry itself, written at most once per expiry. */
async function recordExpiry(tx: Conn, share: Share): Promise<void> {
  const at = share.expiresAt!;
  const seen = (
    await tx
      .select({ id: shareEvents.id })
      .from(shareEvents)
      .where(
        and(
          eq(shareEvents.shareId, share.id),
          eq(shareEvents.type, "expired"),
          eq(shareEvents.createdAt, at),
        ),
      )
  )[0];
  if (!seen)
    await recordEvent(tx, {
      shareId: share.id,
      sharerId: share.sharerId,
      actorId: null,
      type: "expired",
      data: { at },
      now: at,
    });
}

/**
 * Optional housekeeping (status is exact without it): writes the "expired" event of every
 * share that expired by `now` and clears its live flags. Returns how many were recorded.
 */
export async function recordExpiredEvents(db: Db, now: number): Promise<number> {
  return writeTx(db, async (tx) => {
    // Only expiries not yet recorded, so repeated runs stay cheap and write nothing twice.
    const expired = await tx
      .select()
      .from(shares)
      .where(
        and(
          sql`${shares.expiresAt} <= ${now}`,
          inArray(shares.status, ["pending", "active"]),
          sql`not exists (select 1 from ${shareEvents} e where e.share_id = ${shares.id}
            and e.type = 'expired' and e.created_at = ${shares.expiresAt})`,
        ),
      );
    let n = 0;
    for (const share of expired) {
      await recordExpiry(tx, share);
      n++;
      await tx
        .update(shareItems)
        .set({ live: null })
        .where(and(eq(shareItems.shareId, share.id), sql`${shareItems.live} = 1`));
    }
    return n;
  });
}
