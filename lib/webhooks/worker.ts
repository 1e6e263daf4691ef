// The background loop that sends webhook deliveries: claim due rows, POST them signed, record
// the outcome. One per process (state on globalThis, like the email worker).
import type { Db } from "@/db/client";
import { type Conn } from "@/db/engine";
import { claimDue, recordAttempt, type Claimed } from "./outbox";
import { postSigned, type SendResult } from "./send";
import { endpointSecret, SIGNATURE_HEADER, signatureHeader } from "./signing";

export type WebhookRound = { sent: number; failed: number };

type Sender = (url: string, body: string, headers: Record<string, string>) => Promise<SendResult>;

export async function deliverOne(d: Claimed, now: number, send: Sender = postSigned) {
  const secret = endpointSecret(d.endpointId, d.secretNonce);
  const headers = {
    [SIGNATURE_HEADER]: signatureHeader(secret, d.payload, Math.floor(now / 1000)),
    "Keyshare-Event": d.type,
    "Keyshare-Event-Id": d.eventId,
    "Keyshare-Delivery": d.id,
  };
  return send(d.url, d.payload, headers);
}

/** One round: claims a batch and sends it in parallel (a slow receiver delays only itself). */
export async function deliverDueWebhooks(
  db: Conn,
  opts: { now?: () => number; send?: Sender; limit?: number } = {},
): Promise<WebhookRound> {
  const clock = opts.now ?? Date.now;
  const claimed = await claimDue(db, clock(), opts.limit);
  const results = await Promise.all(
    claimed.map(async (d) => {
      let r: SendResult;
      try {
        r = await deliverOne(d, clock(), opts.send);
      } catch (e) {
        r = { ok: false, statusCode: null, error: (e as Error).message };
      }
      await recordAttempt(db, d, r, clock());
      return r.ok;
    }),
  );
  return { sent: results.filter(Boolean).length, failed: results.filter((ok) => !ok).length };
}

const state = globalThis as unknown as { keyshareWebhookWorker?: { stop(): void } };

export function startWebhookWorker(getDb: () => Db, intervalMs = 1000): { stop(): void } {
  if (state.keyshareWebhookWorker) return state.keyshareWebhookWorker;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    deliverDueWebhooks(getDb())
      .catch((e) => console.error("[webhooks] round failed:", e))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref?.();
  const worker = {
    stop() {
      clearInterval(timer);
      if (state.keyshareWebhookWorker === worker) state.keyshareWebhookWorker = undefined;
    },
  };
  state.keyshareWebhookWorker = worker;
  return worker;
}
