// The events a webhook can subscribe to, and which activity event each one is. Share events
// come from a share's activity (recordEvent); group events from a membership change
// (enqueueGroupWebhooks), once per change and only for the group's owner.
import type { EventType } from "@/lib/activity/events";

export const SHARE_WEBHOOK_EVENTS = [
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
export const GROUP_WEBHOOK_EVENTS = ["group.member_added", "group.member_removed"] as const;
export const WEBHOOK_EVENTS = [...SHARE_WEBHOOK_EVENTS, ...GROUP_WEBHOOK_EVENTS] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
export type GroupWebhookEvent = (typeof GROUP_WEBHOOK_EVENTS)[number];

const FROM_ACTIVITY: Partial<Record<EventType, WebhookEvent>> = {
  shared: "share.created",
  accepted: "share.accepted",
  declined: "share.declined",
  left: "share.left",
  // A member leaving a group share leaves that share for themselves and stays in the group
  // (its other shares still reach them): a share.left (details.email says who), not a
  // group.member_removed.
  member_left: "share.left",
  cancelled: "share.cancelled",
  extended: "share.extended",
  expired: "share.expired",
  suspended: "share.suspended",
  resumed: "share.resumed",
  devices_added: "share.devices_added",
  devices_removed: "share.devices_removed",
};

/**
 * null for activity no webhook carries: a regenerated link is the sharer's own business, and
 * member_added / member_removed on each share are told once per change as group.* events.
 */
export const webhookEventOf = (t: EventType): WebhookEvent | null => FROM_ACTIVITY[t] ?? null;

export function parseEvents(text: string): WebhookEvent[] {
  const set = new Set(text.split(","));
  return WEBHOOK_EVENTS.filter((e) => set.has(e));
}
