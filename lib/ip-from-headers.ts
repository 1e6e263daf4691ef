/** The caller's address as Next's server saw it (first hop of x-forwarded-for). */
export function ipFromHeaders(h: Headers): string {
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || "unknown";
}
