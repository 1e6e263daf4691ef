// Domain rows → the API's JSON (ISO dates, schedule in words a script can send back).
import type { Device, Service } from "@/db/schema";
import { formatTime, weekdaysToList } from "@/lib/access/schedule-text";
import type { ShareRow, ShareView } from "@/lib/sharing/queries";
import type { ShareEventView, ShareItemView } from "@/lib/sharing/share-details";
import { iso } from "./cursor";

const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

export function deviceView(d: Device) {
  return {
    id: d.id,
    name: d.name,
    hardwareId: d.hardwareId,
    kind: d.kind,
    group: d.groupPath,
    createdAt: iso(d.createdAt)!,
  };
}

export const serviceView = (s: Pick<Service, "id" | "name" | "kind" | "port">) => ({
  id: s.id,
  name: s.name,
  kind: s.kind,
  port: s.port,
});

export function scheduleView(s: ShareView) {
  const none =
    s.startsAt == null &&
    s.weekdays == null &&
    s.windowStart == null &&
    s.windowEnd == null &&
    s.remoteAccess !== false;
  if (none) return null;
  return {
    startsAt: iso(s.startsAt),
    weekdays: s.weekdays == null ? null : weekdaysToList(s.weekdays).map((d) => DAYS[d]),
    windowStart: s.windowStart == null ? null : formatTime(s.windowStart),
    windowEnd: s.windowEnd == null ? null : formatTime(s.windowEnd),
    timeZone: s.timeZone ?? "UTC",
    remoteAccess: s.remoteAccess !== false,
  };
}

export function shareView(
  row: ShareRow,
  direction: "outgoing" | "incoming",
  sharer?: { id: string; name: string; email: string },
) {
  const s = row.share;
  return {
    id: s.id,
    direction,
    status: row.status,
    ...(sharer ? { sharer } : {}),
    recipientEmail: s.recipientEmail,
    permissions: row.permissions,
    preset: row.preset,
    expiresAt: iso(s.expiresAt),
    createdAt: iso(s.createdAt)!,
    acceptedAt: iso(s.acceptedAt),
    endedAt: iso(s.endedAt),
    description: s.description,
    deviceCount: row.deviceCount,
    schedule: scheduleView(s),
  };
}

export const itemView = (i: ShareItemView) => ({
  id: i.deviceId,
  name: i.deviceName,
  hardwareId: i.hardwareId,
  kind: i.kind,
  group: i.groupPath,
  services: i.services === "all" ? ("all" as const) : i.services.map(serviceView),
  removedAt: iso(i.removedAt),
});

export const eventView = (shareId: string, e: ShareEventView) => ({
  id: e.id,
  shareId,
  type: e.type,
  actorId: e.actorId,
  actorName: e.actorName,
  data: e.data,
  createdAt: iso(e.createdAt)!,
});
