// The one list of activity event types: what is stored, how the filter names it, and how a
// line of the activity log reads. A Record per type, so a new type that is not described
// everywhere fails to compile.
import type { Conn } from "@/db/transaction";
import { shareEvents } from "@/db/schema";
import { newId } from "@/lib/platform/ids";
import { formatExpiry } from "@/lib/platform/format";
import { enqueueWebhooks } from "@/lib/webhooks/outbox";

export const EVENT_LABELS = {
  shared: "Shared",
  accepted: "Accepted",
  declined: "Declined",
  extended: "Extended",
  devices_added: "Devices added",
  devices_removed: "Devices removed",
  cancelled: "Cancelled",
  left: "Left",
  expired: "Expired",
  suspended: "Suspended",
  resumed: "Resumed",
  link_regenerated: "New sharing link",
  device_used: "Device used",
  // Group shares (lib/groups): membership changes that changed who has access.
  member_added: "Group member added",
  member_removed: "Group member removed",
  member_left: "Group member left",
} as const;
export type EventType = keyof typeof EVENT_LABELS;
export const EVENT_TYPES = Object.keys(EVENT_LABELS) as EventType[];

export const isEventType = (v: unknown): v is EventType =>
  typeof v === "string" && Object.hasOwn(EVENT_LABELS, v);

/** Stores one event of a share's activity; every event is written through here. */
export async function recordEvent(
  tx: Conn,
  e: {
    shareId: string;
    sharerId: string;
    actorId: string | null;
    type: EventType;
    data?: unknown;
    now: number;
  },
): Promise<void> {
  const id = newId();
  await tx.insert(shareEvents).values({
    id,
    shareId: e.shareId,
    sharerId: e.sharerId,
    actorId: e.actorId,
    type: e.type,
    data: e.data === undefined ? null : JSON.stringify(e.data),
    createdAt: e.now,
  });
  // Every share change passes here: its webhook deliveries join the same transaction.
  await enqueueWebhooks(tx, { eventId: id, ...e, data: e.data ?? null });
}

/** An event as the log shows it (stored rows carry the type as plain text). */
export type EventView = { type: string; actorName: string | null; data: unknown };

type Data = {
  from?: number | null;
  to?: number;
  devices?: { name: string }[];
  reason?: string;
  device?: string;
  operation?: string;
  email?: string;
  group?: string;
} | null;

const names = (list?: { name: string }[]) =>
  list?.length ? list.map((x) => x.name).join(", ") : "devices";

const DESCRIBE: Record<EventType, (who: string, d: Data) => string> = {
  shared: (who) => `${who} shared the devices`,
  accepted: (who) => `${who} accepted`,
  declined: (who) => `${who} declined`,
  left: (who) => `${who} left the share`,
  extended: (who, d) =>
    `${who} extended the expiry from ${formatExpiry(d?.from ?? null)} to ${formatExpiry(d?.to ?? null)}`,
  devices_added: (who, d) => `${who} added ${names(d?.devices)}`,
  devices_removed: (who, d) => `${who} removed ${names(d?.devices)}`,
  cancelled: (who, d) =>
    d?.reason === "group_deleted"
      ? `${who} deleted the group ${d.group ?? ""}, so the share was cancelled`
      : d?.reason === "last_device_removed"
        ? `${who} removed the last device, so the share was cancelled`
        : `${who} cancelled the share`,
  member_added: (who, d) => `${who} added ${d?.email ?? "a member"} to the group: access granted`,
  member_removed: (who, d) =>
    `${who} removed ${d?.email ?? "a member"} from the group: access ended`,
  member_left: (who, d) => `${d?.email ?? who} left the share (for themselves; the group keeps it)`,
  expired: () => "The share expired",
  link_regenerated: (who) => `${who} made a new sharing link (the old one stopped working)`,
  device_used: (who, d) =>
    `${who} used ${d?.operation ?? "the device"} on ${d?.device ?? "a device"}`,
  suspended: (who) => `${who} suspended access`,
  resumed: (who) => `${who} resumed access`,
};

/** One line per event, in words: who did what. */
export function describeEvent(e: EventView): string {
  const who = e.actorName ?? "Keyshare";
  return isEventType(e.type) ? DESCRIBE[e.type](who, e.data as Data) : `${who}: ${e.type}`;
}
