// The share events a webhook can subscribe to, and which activity event each one is.
import type { EventType } from "@/lib/activity/events";

export const WEBHOOK_EVENTS = [
  "share.created",
  "share.accepted",
  "share.declined",
  "share.left",
  "share.cancelled",
  "share.extended",
  "share.expired",
  "share.suspended",
  "share.resumed",
  "share.devices_added",
  "share.devices_removed",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

const FROM_ACTIVITY: Partial<Record<EventType, WebhookEvent>> = {
  shared: "share.created",
  accepted: "share.accepted",
  declined: "share.declined",
  left: "share.left",
  cancelled: "share.cancelled",
  extended: "share.extended",
  expired: "share.expired",
  suspended: "share.suspended",
  resumed: "share.resumed",
  devices_added: "share.devices_added",
  devices_removed: "share.devices_removed",
};

/** null for activity no webhook carries (a regenerated link is the sharer's own business). */
export const webhookEventOf = (t: EventType): WebhookEvent | null => FROM_ACTIVITY[t] ?? null;

export function parseEvents(text: string): WebhookEvent[] {
  const set = new Set(text.split(","));
  return WEBHOOK_EVENTS.filter((e) => set.has(e));
}
