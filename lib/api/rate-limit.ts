// Per-token request limit, kept in the database's rate_limits table through the same fixed
// window as the sign-in and abuse limits (lib/platform/rate-limit.ts). Several app servers
// behind a load balancer share one count, and a restart does not reset it. The cost is one
// upsert on a primary key per request, next to the token's one lookup.
import { type Conn } from "@/db/engine";
import { hit, type Limit } from "@/lib/platform/rate-limit";
import { MINUTE } from "@/lib/platform/time";

export function apiLimitFromEnv(): Limit {
  const n = Number(process.env.KEYSHARE_API_RATE_LIMIT);
  return { limit: Number.isInteger(n) && n > 0 ? n : 600, windowMs: MINUTE };
}

/** The token id is an opaque server-made id, never the token itself. */
export const apiLimitKey = (tokenId: string) => `api:token:${tokenId}`;

/** Counts one request for `tokenId`; over the limit, how many seconds until the window resets. */
export async function takeApiRequest(
  db: Conn,
  tokenId: string,
  now: number,
  limit: Limit = apiLimitFromEnv(),
): Promise<{ ok: true } | { ok: false; retryAfterS: number }> {
  return hit(db, apiLimitKey(tokenId), limit, now);
}
