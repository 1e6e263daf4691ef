import type { Metadata } from "next";
import { AddWebhookForm } from "@/components/settings/add-webhook-form";
import { WebhookList } from "@/components/settings/webhook-list";
import { pageContext } from "@/lib/request/page-context";
import { listWebhookEndpoints } from "@/lib/webhooks/endpoints";
import { listDeliveries } from "@/lib/webhooks/outbox";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const { user, db } = await pageContext("/settings/webhooks");
  const endpoints = await Promise.all(
    (await listWebhookEndpoints(db, user.id)).map(async (ep) => ({
      ...ep,
      deliveries: await listDeliveries(db, ep.id),
    })),
  );
  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Webhooks</h1>
        <p className="text-sm text-slate-600">
          Keyshare POSTs share events (of shares you made or received) to your endpoints, signed
          with <code>Keyshare-Signature</code>, and retries failed deliveries for 24 hours.
        </p>
      </div>
      <section className="space-y-3" aria-labelledby="new-endpoint-heading">
        <h2 id="new-endpoint-heading" className="text-lg font-semibold">
          New endpoint
        </h2>
        <AddWebhookForm />
      </section>
      <section className="space-y-3" aria-labelledby="endpoints-heading">
        <h2 id="endpoints-heading" className="text-lg font-semibold">
          Your endpoints
        </h2>
        <WebhookList endpoints={endpoints} />
      </section>
    </div>
  );
}
