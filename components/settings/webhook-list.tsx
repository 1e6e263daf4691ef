import { ConfirmAction } from "@/components/ui/confirm-action";
import { deleteWebhookEndpointAction } from "@/lib/actions/webhooks";
import type { EndpointView } from "@/lib/webhooks/endpoints";
import { parseEvents } from "@/lib/webhooks/events";
import type { WebhookDelivery } from "@/lib/webhooks/outbox";
import { RedeliverButton } from "./redeliver-button";

const STATUS = { pending: "Pending", delivered: "Delivered", failed: "Failed" } as const;
const when = (ms: number) => new Date(ms).toISOString().replace("T", " ").slice(0, 19) + " UTC";

/** Each endpoint with its events and its delivery log (status, response code, Redeliver). */
export function WebhookList({
  endpoints,
}: {
  endpoints: (EndpointView & { deliveries: WebhookDelivery[] })[];
}) {
  if (endpoints.length === 0)
    return <p className="text-sm text-slate-600">No endpoints yet. Add one to get share events.</p>;
  return (
    <ul className="space-y-6" aria-label="Your endpoints">
      {endpoints.map((ep) => (
        <li
          key={ep.id}
          aria-label={ep.url}
          className="space-y-3 rounded-md border border-slate-200 p-3"
        >
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div className="min-w-0 space-y-1">
              <p className="font-mono text-sm break-all">{ep.url}</p>
              <p className="text-xs break-words text-slate-600">
                {parseEvents(ep.events).join(", ")}
              </p>
            </div>
            <ConfirmAction
              label="Delete endpoint"
              title="Delete this endpoint?"
              action={deleteWebhookEndpointAction}
              fields={{ endpointId: ep.id }}
            >
              Its pending deliveries are dropped. This cannot be undone.
            </ConfirmAction>
          </div>
          {ep.deliveries.length === 0 ? (
            <p className="text-sm text-slate-600">No deliveries yet.</p>
          ) : (
            <ul className="divide-y divide-slate-100" aria-label={`Deliveries to ${ep.url}`}>
              {ep.deliveries.map((d) => (
                <li
                  key={d.id}
                  className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
                >
                  <span className="min-w-0 space-x-2">
                    <span className="font-mono text-xs">{d.type}</span>
                    <span className="font-medium">{STATUS[d.status]}</span>
                    <span className="text-slate-600">
                      {d.lastStatusCode
                        ? `HTTP ${d.lastStatusCode}`
                        : d.lastError
                          ? "No response"
                          : ""}
                    </span>
                    <span className="text-xs text-slate-500">
                      {d.attempts} attempt{d.attempts === 1 ? "" : "s"} · {when(d.createdAt)}
                    </span>
                  </span>
                  <RedeliverButton deliveryId={d.id} />
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
