"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { idSchema } from "@/lib/devices/validation";
import { authedAction } from "@/lib/request/action";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/events";
import { createWebhookEndpoint, deleteWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { redeliver } from "@/lib/webhooks/outbox";

const addSchema = z.object({
  url: z
    .string({ error: "Enter the URL." })
    .trim()
    .min(1, "Enter the URL.")
    .max(2000, "The URL is too long."),
  events: z.preprocess(
    (v) => (v == null ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(z.enum(WEBHOOK_EVENTS, { error: "Unknown event." }))
      .min(1, "Choose at least one event."),
  ),
});

/** A new endpoint for the caller; the signing secret is returned once. */
export const addWebhookEndpointAction = authedAction(
  addSchema,
  async (input, { db, user, now }) => {
    const { endpoint, secret } = await createWebhookEndpoint(db, {
      userId: user.id,
      ...input,
      now,
    });
    revalidatePath("/settings/webhooks");
    return { id: endpoint.id, url: endpoint.url, secret };
  },
);

export const deleteWebhookEndpointAction = authedAction(
  z.object({ endpointId: idSchema }),
  async (input, { db, user }) => {
    await deleteWebhookEndpoint(db, { userId: user.id, endpointId: input.endpointId });
    revalidatePath("/settings/webhooks");
    return { deleted: true };
  },
);

/** Sends a delivery again now, same event id and body. Only deliveries of the caller's endpoints. */
export const redeliverWebhookAction = authedAction(
  z.object({ deliveryId: idSchema }),
  async (input, { db, user, now }) => {
    await redeliver(db, { userId: user.id, deliveryId: input.deliveryId, now });
    revalidatePath("/settings/webhooks");
    return { queued: true };
  },
);
