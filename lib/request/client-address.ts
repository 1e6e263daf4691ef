import net from "node:net";

/**
 * TRUSTED_PROXY_HOPS: how many reverse proxies in front of Keyshare append to
 * X-Forwarded-For (default 0: none, the header is ignored).
 */
export function trustedProxyHops(raw = process.env.TRUSTED_PROXY_HOPS): number {
  if (raw === undefined || raw.trim() === "") return 0;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 10)
    throw new Error(`TRUSTED_PROXY_HOPS must be a whole number from 0 to 10, not "${raw}"`);
  return n;
}

/** The 16 bytes of an IPv6 address as 8 numbers, or null. */
function ipv6Groups(ip: string): number[] | null {
  let s = ip;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    const b = v4[1].split(".").map(Number);
    s =
      s.slice(0, -v4[1].length) +
      `${((b[0] << 8) | b[1]).toString(16)}:${((b[2] << 8) | b[3]).toString(16)}`;
  }
  const [head, tail] = s.includes("::") ? s.split("::") : [s, undefined];
  const h = head ? head.split(":") : [];
  const t = tail ? tail.split(":") : [];
  const fill = tail === undefined ? 0 : 8 - h.length - t.length;
  const groups = [...h, ...Array(Math.max(0, fill)).fill("0"), ...t].map((g) => parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => g >= 0 && g <= 0xffff) ? groups : null;
}

/**
 * A valid address in the form limits count by: IPv4 as is (also when IPv4-mapped), IPv6 by
 * its /64 (one host is usually given a whole /64, so counting single addresses would let it
 * rotate through 2^64 of them). Null when `value` is not an IP address.
 */
export function normalizeAddress(value: string | undefined): string | null {
  const ip = value?.trim().split("%")[0] ?? "";
  const kind = net.isIP(ip);
  if (kind === 4) return ip;
  if (kind !== 6) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  const g = ipv6Groups(ip);
  if (!g) return null;
  return `${g
    .slice(0, 4)
    .map((x) => x.toString(16))
    .join(":")}::/64`;
}

/**
 * The client's address: the socket's peer, unless `hops` proxies are trusted, in which case
 * it is the `hops`-th X-Forwarded-For entry from the right (the one the outermost trusted
 * proxy wrote; entries further left are whatever the client sent). A missing or invalid
 * entry falls back to the socket's peer, never to a value the client chose.
 */
export function clientAddress(
  remote: string | undefined,
  forwardedFor: string | string[] | undefined,
  hops: number,
): string {
  const peer = normalizeAddress(remote) ?? "unknown";
  if (hops <= 0 || !forwardedFor) return peer;
  const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor)
    .split(",")
    .map((e) => e.trim());
  if (entries.length < hops) return peer;
  return normalizeAddress(entries[entries.length - hops]) ?? peer;
}
