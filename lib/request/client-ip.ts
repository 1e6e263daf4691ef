/**
 * The request header scripts/serve.ts sets to the client's address, worked out from the
 * socket (and from X-Forwarded-For only as far as TRUSTED_PROXY_HOPS allows). serve.ts drops
 * whatever value a client sent for it first, so it cannot be forged from outside.
 */
export const CLIENT_IP_HEADER = "x-keyshare-client-ip";

/**
 * The caller's address, the one way every limit reads it (actions, Auth.js's authorize, the
 * link proxy). "unknown" when the app runs without serve.ts (next dev): all callers then
 * share one address.
 */
export function ipFromHeaders(h: Pick<Headers, "get">): string {
  return h.get(CLIENT_IP_HEADER)?.trim().slice(0, 64) || "unknown";
}

/**
 * The current request's caller address (server components, actions, route handlers).
 * next/headers is loaded here, not at the top: scripts/serve.ts imports this module (through
 * the request guard) before Next.js is running, and next/headers cannot load there.
 */
export async function clientIp(): Promise<string> {
  const { headers } = await import("next/headers");
  return ipFromHeaders(await headers());
}
