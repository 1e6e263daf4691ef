// One share's page, for the sharer (everything, with activity) and for the recipient
// (only what they may see).
import "server-only";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { devices, services, shareEvents, shareItems, shares, users } from "@/db/schema";
import { chunked } from "@/db/transaction";
import { isRecipient, type Caller } from "./share-store";
import { groupNameOf, groupShareFacts, reachesMember } from "@/lib/groups/membership";
import { deviceCounts, shareRow, shareViewColumns, type ShareRow, type ShareView } from "./queries";
import { accessNow, describeShareSchedule } from "./share-schedule";
import { effectiveStatus } from "./status";

export type ServiceView = { id: string; name: string; kind: string; port: number };
export type ShareItemView = {
  itemId: string;
  deviceId: string;
  deviceName: string;
  hardwareId: string;
  kind: string;
  groupPath: string;
  /** "all" = every service of the device, present and future. */
  services: "all" | ServiceView[];
  addedAt: number;
  removedAt: number | null;
};
export type ShareEventView = {
  id: string;
  type: string;
  actorId: string | null;
  actorName: string | null;
  data: unknown;
  createdAt: number;
};

const viewColumns = shareViewColumns;

async function loadItems(
  db: Db,
  shareId: string,
  includeRemoved: boolean,
): Promise<ShareItemView[]> {
  const rows = await db
    .select({
      itemId: shareItems.id,
      deviceId: shareItems.deviceId,
      serviceIds: shareItems.serviceIds,
      addedAt: shareItems.addedAt,
      removedAt: shareItems.removedAt,
      deviceName: devices.name,
      hardwareId: devices.hardwareId,
      kind: devices.kind,
      groupPath: devices.groupPath,
    })
    .from(shareItems)
    .innerJoin(devices, eq(devices.id, shareItems.deviceId))
    .where(
      and(
        eq(shareItems.shareId, shareId),
        includeRemoved ? undefined : isNull(shareItems.removedAt),
      ),
    )
    .orderBy(asc(devices.name), asc(shareItems.addedAt));
  const wanted = [
    ...new Set(rows.flatMap((r) => (r.serviceIds ? (JSON.parse(r.serviceIds) as string[]) : []))),
  ];
  const byId = new Map<string, ServiceView & { deviceId: string }>();
  for (const part of chunked(wanted)) {
    const found = await db
      .select({
        id: services.id,
        name: services.name,
        kind: services.kind,
        port: services.port,
        deviceId: services.deviceId,
      })
      .from(services)
      .where(inArray(services.id, part));
    for (const s of found) byId.set(s.id, s);
  }
  return rows.map(({ serviceIds, ...r }) => ({
    ...r,
    // A service deleted since sharing simply disappears from the list.
    services:
      serviceIds == null
        ? "all"
        : (JSON.parse(serviceIds) as string[]).flatMap((id) => {
            const s = byId.get(id);
            return s && s.deviceId === r.deviceId
              ? [{ id: s.id, name: s.name, kind: s.kind, port: s.port }]
              : [];
          }),
  }));
}

function toDetailRow(share: ShareView, now: number, items: ShareItemView[]): ShareRow {
  const live = items.filter((i) => i.removedAt == null).length;
  return shareRow(share, effectiveStatus(share, now), now, live);
}

export type SharerShareDetail = ShareRow & {
  recipientName: string | null;
  hasLink: boolean;
  schedule: string | null;
  /** Removed devices are included (with removedAt) for the record. */
  items: ShareItemView[];
  events: ShareEventView[];
  /** A group share: its group, members now and who left (lib/groups). */
  group: Awaited<ReturnType<typeof groupShareFacts>>;
};

/** Null when the share does not exist or is not the caller's: the page shows 404. */
export async function getShareForSharer(
  db: Db,
  q: { shareId: string; sharerId: string; now: number },
): Promise<SharerShareDetail | null> {
  const found = (
    await db
      .select({ share: viewColumns, hasLink: shares.tokenHash })
      .from(shares)
      .where(and(eq(shares.id, q.shareId), eq(shares.sharerId, q.sharerId)))
  )[0];
  if (!found) return null;
  const { share } = found;
  const items = await loadItems(db, share.id, true);
  const row = toDetailRow(share, q.now, items);
  const recipient = (
    await db.select({ name: users.name }).from(users).where(eq(users.email, share.recipientEmail))
  )[0];
  const events: ShareEventView[] = (
    await db
      .select({
        id: shareEvents.id,
        type: shareEvents.type,
        actorId: shareEvents.actorId,
        actorName: users.name,
        data: shareEvents.data,
        createdAt: shareEvents.createdAt,
      })
      .from(shareEvents)
      .leftJoin(users, eq(users.id, shareEvents.actorId))
      .where(eq(shareEvents.shareId, share.id))
      .orderBy(asc(shareEvents.createdAt), asc(shareEvents.id))
  ).map((e) => ({ ...e, data: e.data == null ? null : JSON.parse(e.data) }));
  // Expiry needs no job: if nothing recorded it yet, the activity still shows it, on time.
  const at = share.expiresAt;
  if (
    row.status === "Expired" &&
    at != null &&
    !events.some((e) => e.type === "expired" && e.createdAt === at)
  ) {
    events.push({
      id: `expired:${share.id}:${at}`,
      type: "expired",
      actorId: null,
      actorName: null,
      data: { at },
      createdAt: at,
    });
    events.sort((a, b) => a.createdAt - b.createdAt);
  }
  return {
    ...row,
    recipientName: recipient?.name ?? null,
    hasLink: row.status === "Pending" && found.hasLink != null,
    schedule: describeShareSchedule(share),
    items,
    events,
    group: await groupShareFacts(db, share),
  };
}

export type RecipientShareDetail = ShareRow & {
  sharer: { id: string; name: string; email: string };
  schedule: string | null;
  access: { allowed: boolean; reason?: string };
  /** Only while pending or active, and never removed devices. */
  items: ShareItemView[];
};

/** Null when the share does not exist or the caller is not its recipient (404, no hint). */
export async function getShareForRecipient(
  db: Db,
  q: { shareId: string; user: Caller; now: number },
): Promise<RecipientShareDetail | null> {
  const found = (
    await db
      .select({
        share: viewColumns,
        sharer: { id: users.id, name: users.name, email: users.email },
      })
      .from(shares)
      .innerJoin(users, eq(users.id, shares.sharerId))
      .where(eq(shares.id, q.shareId))
  )[0];
  if (!found) return null;
  // A group share is seen by its members (resolved now), never by its "group:…" address.
  const viaGroup = await reachesMember(db, found.share, q.user);
  if (!viaGroup && !isRecipient(found.share, q.user)) return null;
  const { share, sharer } = found;
  const status = effectiveStatus(share, q.now);
  const visible = status === "Pending" || status === "Active" || status === "Suspended";
  const items = visible ? await loadItems(db, share.id, false) : [];
  // Same device count as the list, even when the devices themselves are hidden.
  const deviceCount = visible
    ? items.length
    : ((await deviceCounts(db, [share.id])).get(share.id) ?? 0);
  return {
    ...toDetailRow(share, q.now, items),
    deviceCount,
    sharer,
    schedule: describeShareSchedule(share),
    access: accessNow(share, q.now),
    items,
    groupName: viaGroup ? await groupNameOf(db, share.groupId) : null,
  };
}
