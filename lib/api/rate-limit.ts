// Per-token request limit, counted in this process's memory: checking it costs no query,
// so token authentication stays one lookup. With several server processes each keeps its
// own count (docs/api.md says so); the limit is there to stop a runaway script, not to bill.

export type ApiLimit = { limit: number; windowMs: number };

export function apiLimitFromEnv(): ApiLimit {
  const n = Number(process.env.KEYSHARE_API_RATE_LIMIT);
  return { limit: Number.isInteger(n) && n > 0 ? n : 600, windowMs: 60_000 };
}

type Window = { count: number; resetAt: number };
const windows = new Map<string, Window>();

/** Counts one request for `tokenId`; over the limit, how many seconds until the window resets. */
export function takeApiRequest(
  tokenId: string,
  now: number,
  limit: ApiLimit = apiLimitFromEnv(),
): { ok: true } | { ok: false; retryAfterS: number } {
  let w = windows.get(tokenId);
  if (!w || w.resetAt <= now) {
    // Keep the map from growing without bound: drop every finished window now and then.
    if (windows.size > 10_000)
      for (const [k, v] of windows) if (v.resetAt <= now) windows.delete(k);
    w = { count: 0, resetAt: now + limit.windowMs };
    windows.set(tokenId, w);
  }
  w.count += 1;
  if (w.count <= limit.limit) return { ok: true };
  return { ok: false, retryAfterS: Math.max(1, Math.ceil((w.resetAt - now) / 1000)) };
}

/** Tests start from a clean slate. */
export function resetApiLimits(): void {
  windows.clear();
}
