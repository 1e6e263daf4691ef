// The webhook outbox: rows written inside the share change's own transaction (from
// recordEvent), claimed by a worker, retried with backoff for 24 hours.
import { and, desc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { affected, transaction, type Conn } from "@/db/engine";
import { shares, webhookDeliveries, webhookEndpoints, type WebhookDelivery } from "@/db/schema";
import { NotFoundError } from "@/lib/platform/errors";
import { newId } from "@/lib/platform/ids";
import type { EventType } from "@/lib/activity/events";
import { parseEvents, webhookEventOf, type GroupWebhookEvent, type WebhookEvent } from "./events";
import { DAY, HOUR } from "@/lib/platform/time";

export const RETRY_WINDOW_MS = DAY;
export const CLAIM_MS = 30_000;
/** Finished deliveries (delivered or given up) stay in the endpoint's log this long. */
export const DELIVERY_LOG_MS = 30 * DAY;
const MAX_BACKOFF_MS = 2 * HOUR;

/** 30 s, 1 min, 2 min, … doubling up to 2 h between attempts. */
export const webhookBackoffMs = (attempts: number) =>
  Math.min(MAX_BACKOFF_MS, 30_000 * 2 ** Math.max(0, attempts - 1));

/**
 * Queues one delivery per subscribed endpoint of the share's sharer and of its recipient
 * (bound, or addressed to a verified account: the same rule as Shared with Me). Called by
 * recordEvent in the change's transaction: the event and its deliveries commit together.
 * With no endpoint to notify it costs one indexed query.
 */
export async function enqueueWebhooks(
  tx: Conn,
  e: {
    eventId: string;
    type: EventType;
    shareId: string;
    sharerId: string;
    actorId: string | null;
    data: unknown;
    now: number;
  },
): Promise<void> {
  const type = webhookEventOf(e.type);
  if (!type) return;
  const recipientUser = sql`(select coalesce(s.recipient_id,
      (select u.id from users u where u.email = s.recipient_email and u.email_verified is not null))
    from shares s where s.id = ${e.shareId})`;
  const endpoints = (
    await tx
      .select({ id: webhookEndpoints.id, events: webhookEndpoints.events })
      .from(webhookEndpoints)
      .where(
        or(
          eq(webhookEndpoints.userId, e.sharerId),
          sql`${webhookEndpoints.userId} = ${recipientUser}`,
        ),
      )
  ).filter((ep) => parseEvents(ep.events).includes(type));
  if (endpoints.length === 0) return;
  const share = (
    await tx
      .select({ recipientEmail: shares.recipientEmail, recipientId: shares.recipientId })
      .from(shares)
      .where(eq(shares.id, e.shareId))
  )[0];
  const payload = JSON.stringify({
    id: e.eventId,
    type,
    createdAt: new Date(e.now).toISOString(),
    data: {
      shareId: e.shareId,
      sharerId: e.sharerId,
      recipientEmail: share?.recipientEmail ?? null,
      recipientId: share?.recipientId ?? null,
      actorId: e.actorId,
      details: e.data ?? null,
    },
  });
  await insertDeliveries(tx, endpoints, e.eventId, type, payload);
}

async function insertDeliveries(
  tx: Conn,
  endpoints: readonly { id: string }[],
  eventId: string,
  type: WebhookEvent,
  payload: string,
): Promise<void> {
  const now = Date.now(); // delivery clock, not the event's (an expiry is recorded after the fact)
  await tx.insert(webhookDeliveries).values(
    endpoints.map((ep) => ({
      id: newId(),
      endpointId: ep.id,
      eventId,
      type,
      payload,
      status: "pending" as const,
      attempts: 0,
      nextAttemptAt: now,
      giveUpAt: now + RETRY_WINDOW_MS,
      createdAt: now,
    })),
  );
}

/**
 * A membership change of a group (lib/groups/store), for the group owner's subscribed
 * endpoints only: the member's own endpoints hear about the shares that reach them, not about
 * someone else's group. Called in the change's transaction, once per member added or removed
 * (whether or not the group has shares). With no endpoint to notify it costs one indexed query.
 */
export async function enqueueGroupWebhooks(
  tx: Conn,
  e: {
    type: GroupWebhookEvent;
    ownerId: string;
    group: { id: string; name: string };
    member: { id: string; email: string };
    actorId: string;
    now: number;
  },
): Promise<void> {
  const endpoints = (
    await tx
      .select({ id: webhookEndpoints.id, events: webhookEndpoints.events })
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.userId, e.ownerId))
  ).filter((ep) => parseEvents(ep.events).includes(e.type));
  if (endpoints.length === 0) return;
  const eventId = newId();
  const payload = JSON.stringify({
    id: eventId,
    type: e.type,
    createdAt: new Date(e.now).toISOString(),
    data: {
      groupId: e.group.id,
      groupName: e.group.name,
      ownerId: e.ownerId,
      memberId: e.member.id,
      email: e.member.email,
      actorId: e.actorId,
    },
  });
  await insertDeliveries(tx, endpoints, eventId, e.type, payload);
}

export type Claimed = WebhookDelivery & { url: string; secretNonce: string };

/**
 * Claims up to `limit` due deliveries for `CLAIM_MS`. One UPDATE … RETURNING: on SQLite it
 * runs under the database's write lock, so a row claimed by one server is not due for any
 * other until the claim lapses (a server that died mid-send is covered by the lapse).
 */
export async function claimDue(db: Conn, now: number, limit = 20): Promise<Claimed[]> {
  const due = and(
    eq(webhookDeliveries.status, "pending"),
    lte(webhookDeliveries.nextAttemptAt, now),
    or(isNull(webhookDeliveries.claimedUntil), lte(webhookDeliveries.claimedUntil, now)),
  );
  const ids = db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(due)
    .orderBy(webhookDeliveries.nextAttemptAt)
    .limit(limit);
  const claimed = await transaction(db, async (tx) =>
    tx
      .update(webhookDeliveries)
      .set({ claimedUntil: now + CLAIM_MS, attempts: sql`${webhookDeliveries.attempts} + 1` })
      .where(and(inArray(webhookDeliveries.id, ids), due))
      .returning(),
  );
  if (claimed.length === 0) return [];
  const eps = new Map(
    (
      await db
        .select()
        .from(webhookEndpoints)
        .where(inArray(webhookEndpoints.id, [...new Set(claimed.map((c) => c.endpointId))]))
    ).map((ep) => [ep.id, ep]),
  );
  return claimed.flatMap((c) => {
    const ep = eps.get(c.endpointId);
    return ep ? [{ ...c, url: ep.url, secretNonce: ep.secretNonce }] : [];
  });
}

export async function recordAttempt(
  db: Conn,
  d: Pick<WebhookDelivery, "id" | "attempts" | "giveUpAt">,
  r: { ok: boolean; statusCode: number | null; error: string | null },
  now: number,
): Promise<void> {
  const next = now + webhookBackoffMs(d.attempts);
  const status = r.ok ? "delivered" : next > d.giveUpAt ? "failed" : "pending";
  await transaction(db, async (tx) =>
    tx
      .update(webhookDeliveries)
      .set({
        status,
        claimedUntil: null,
        lastStatusCode: r.statusCode,
        lastError: r.error?.slice(0, 300) ?? null,
        nextAttemptAt: status === "pending" ? next : now,
        deliveredAt: r.ok ? now : null,
      })
      .where(eq(webhookDeliveries.id, d.id)),
  );
}

/** Send again now (same event id and body), with a fresh 24 h of retries. Only the owner's. */
export async function redeliver(
  db: Conn,
  args: { userId: string; deliveryId: string; now: number },
): Promise<void> {
  const own = (
    await db
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(
        and(eq(webhookDeliveries.id, args.deliveryId), eq(webhookEndpoints.userId, args.userId)),
      )
  )[0];
  if (!own) throw new NotFoundError("Delivery not found.");
  await transaction(db, async (tx) =>
    tx
      .update(webhookDeliveries)
      .set({
        status: "pending",
        nextAttemptAt: args.now,
        giveUpAt: args.now + RETRY_WINDOW_MS,
        claimedUntil: null,
      })
      .where(eq(webhookDeliveries.id, own.id)),
  );
}

/** The endpoint's delivery log, newest first. */
export type { WebhookDelivery };

export async function listDeliveries(
  db: Conn,
  endpointId: string,
  limit = 20,
): Promise<WebhookDelivery[]> {
  return await db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, endpointId))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit);
}

/** Housekeeping: finished deliveries older than DELIVERY_LOG_MS leave the log; pending ones stay. */
export async function purgeWebhookDeliveries(db: Conn, now: number): Promise<number> {
  return affected(
    await transaction(db, async (tx) =>
      tx
        .delete(webhookDeliveries)
        .where(
          and(
            inArray(webhookDeliveries.status, ["delivered", "failed"]),
            lte(webhookDeliveries.createdAt, now - DELIVERY_LOG_MS),
          ),
        ),
    ),
  );
}
