import type { Metadata } from "next";
import { AddWebhookForm } from "@/components/settings/add-webhook-form";
import { SettingsCollection } from "@/components/settings/settings-collection";
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
    <SettingsCollection
      title="Webhooks"
      intro={
        <>
          Keyshare POSTs share events (of shares you made or received) to your endpoints, signed
          with <code>Keyshare-Signature</code>, and retries failed deliveries for 24 hours.
        </>
      }
      ids={{ add: "new-endpoint-heading", list: "endpoints-heading" }}
      addHeading="New endpoint"
      addForm={<AddWebhookForm />}
      listHeading="Your endpoints"
      list={<WebhookList endpoints={endpoints} />}
    />
  );
}
