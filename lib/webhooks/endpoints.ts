// A user's webhook endpoints: add (the signing secret is shown once), list, delete.
import { and, asc, count, eq } from "drizzle-orm";
import { affected, type Conn, forUpdate, transaction } from "@/db/engine";
import { users, webhookEndpoints, type WebhookEndpoint } from "@/db/schema";
import { DomainError, NotFoundError } from "@/lib/platform/errors";
import { newId } from "@/lib/platform/ids";
import { WEBHOOK_EVENTS, type WebhookEvent } from "./events";
import { endpointSecret, newSecretNonce } from "./signing";
import { parseWebhookUrl } from "./ssrf";

export const MAX_ENDPOINTS = 20;

export async function createWebhookEndpoint(
  db: Conn,
  args: { userId: string; url: string; events: readonly WebhookEvent[]; now: number },
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  const url = parseWebhookUrl(args.url.trim()).toString();
  const events = WEBHOOK_EVENTS.filter((e) => args.events.includes(e));
  if (!events.length) throw new DomainError("Choose at least one event.", "events");
  return transaction(db, async (tx) => {
    // The user's row, locked: on PostgreSQL two adds at once cannot both pass the count.
    await forUpdate(tx.select({ id: users.id }).from(users).where(eq(users.id, args.userId)));
    const n = (
      await tx
        .select({ n: count() })
        .from(webhookEndpoints)
        .where(eq(webhookEndpoints.userId, args.userId))
    )[0];
    if ((n?.n ?? 0) >= MAX_ENDPOINTS)
      throw new DomainError(`You can have at most ${MAX_ENDPOINTS} endpoints.`, "url");
    const endpoint: WebhookEndpoint = {
      id: newId(),
      userId: args.userId,
      url,
      events: events.join(","),
      secretNonce: newSecretNonce(),
      createdAt: args.now,
    };
    await tx.insert(webhookEndpoints).values(endpoint);
    return { endpoint, secret: endpointSecret(endpoint.id, endpoint.secretNonce) };
  });
}

/** What a page may show of an endpoint: everything but the nonce its secret is derived from. */
export type EndpointView = Omit<WebhookEndpoint, "secretNonce">;

export async function listWebhookEndpoints(db: Conn, userId: string): Promise<EndpointView[]> {
  return await db
    .select({
      id: webhookEndpoints.id,
      userId: webhookEndpoints.userId,
      url: webhookEndpoints.url,
      events: webhookEndpoints.events,
      createdAt: webhookEndpoints.createdAt,
    })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.userId, userId))
    .orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id));
}

/** Deleting drops its pending deliveries too (cascade). Only the owner's. */
export async function deleteWebhookEndpoint(
  db: Conn,
  args: { userId: string; endpointId: string },
): Promise<void> {
  const res = await transaction(db, async (tx) =>
    tx
      .delete(webhookEndpoints)
      .where(
        and(eq(webhookEndpoints.id, args.endpointId), eq(webhookEndpoints.userId, args.userId)),
      ),
  );
  if (affected(res) !== 1) throw new NotFoundError("Endpoint not found.");
}
