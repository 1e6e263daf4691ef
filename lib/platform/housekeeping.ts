import "server-only";
import type { Db } from "@/db/client";
import { purgeEmailTokens } from "@/lib/accounts/email-tokens";
import { purgeExpiredSessions } from "@/lib/accounts/user-sessions";
import { purgeRateLimits } from "@/lib/platform/rate-limit";
import { purgeIdempotencyKeys } from "@/lib/api/idempotency";
import { purgeWebhookDeliveries } from "@/lib/webhooks/outbox";

export type Purged = {
  rateLimits: number;
  sessions: number;
  emailTokens: number;
  idempotencyKeys: number;
  webhookDeliveries: number;
};

/**
 * Rows that carry nothing any more: rate-limit windows that are over, sessions past their
 * lifetime, emailed links past theirs, Idempotency-Key answers after 24 h, finished webhook
 * deliveries after 30 days. Run by the scheduler's housekeeping round, so the
 * tables stay as small as the traffic of the last day.
 */
export async function purgeExpired(db: Db, now: number): Promise<Purged> {
  return {
    rateLimits: await purgeRateLimits(db, now),
    sessions: await purgeExpiredSessions(db, now),
    emailTokens: await purgeEmailTokens(db, now),
    idempotencyKeys: await purgeIdempotencyKeys(db, now),
    webhookDeliveries: await purgeWebhookDeliveries(db, now),
  };
}
