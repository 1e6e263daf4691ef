// A user's webhook endpoints: add (the signing secret is shown once), list, delete.
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { webhookEndpoints, type WebhookEndpoint } from "@/db/schema";
import { DomainError, NotFoundError } from "@/lib/platform/errors";
import { newId } from "@/lib/platform/ids";
import { WEBHOOK_EVENTS, type WebhookEvent } from "./events";
import { endpointSecret, newSecretNonce } from "./signing";
import { parseWebhookUrl } from "./ssrf";

export const MAX_ENDPOINTS = 20;

export function createWebhookEndpoint(
  db: Db,
  args: { userId: string; url: string; events: readonly WebhookEvent[]; now: number },
): { endpoint: WebhookEndpoint; secret: string } {
  const url = parseWebhookUrl(args.url.trim()).toString();
  const events = WEBHOOK_EVENTS.filter((e) => args.events.includes(e));
  if (!events.length) throw new DomainError("Choose at least one event.", "events");
  return db.transaction(
    (tx) => {
      const n = tx
        .select({ n: sql<number>`count(*)` })
        .from(webhookEndpoints)
        .where(eq(webhookEndpoints.userId, args.userId))
        .get();
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
      tx.insert(webhookEndpoints).values(endpoint).run();
      return { endpoint, secret: endpointSecret(endpoint.id, endpoint.secretNonce) };
    },
    { behavior: "immediate" },
  );
}

/** What a page may show of an endpoint: everything but the nonce its secret is derived from. */
export type EndpointView = Omit<WebhookEndpoint, "secretNonce">;

export function listWebhookEndpoints(db: Db, userId: string): EndpointView[] {
  return db
    .select({
      id: webhookEndpoints.id,
      userId: webhookEndpoints.userId,
      url: webhookEndpoints.url,
      events: webhookEndpoints.events,
      createdAt: webhookEndpoints.createdAt,
    })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.userId, userId))
    .orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id))
    .all();
}

/** Deleting drops its pending deliveries too (cascade). Only the owner's. */
export function deleteWebhookEndpoint(db: Db, args: { userId: string; endpointId: string }): void {
  const res = db
    .delete(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, args.endpointId), eq(webhookEndpoints.userId, args.userId)))
    .run();
  if (res.changes !== 1) throw new NotFoundError("Endpoint not found.");
}
