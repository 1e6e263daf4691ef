// Where a webhook may point. Private, loopback, link-local and other non-public addresses
// are refused unless KEYSHARE_WEBHOOKS_ALLOW_PRIVATE=1 (tests, local installs). The check
// runs on the address actually connected to: DNS is resolved once, checked, and that very
// address is what the request uses (no second lookup a rebinding DNS server could answer).
import { lookup } from "node:dns/promises";
import net from "node:net";
import { DomainError } from "@/lib/platform/errors";

export const allowPrivateTargets = () => process.env.KEYSHARE_WEBHOOKS_ALLOW_PRIVATE === "1";

const V4_BLOCKS: [string, number][] = [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
];

const blockList = (() => {
  const list = new net.BlockList();
  for (const [addr, prefix] of V4_BLOCKS) list.addSubnet(addr, prefix, "ipv4");
  // ::/96 holds ::, ::1 and the old IPv4-compatible form (::7f00:1 = 127.0.0.1); the
  // IPv4-mapped ::ffff:0:0/96 is matched by the IPv4 rules above.
  list.addSubnet("::", 96, "ipv6");
  // Prefixes that carry an IPv4 address inside and reach it through a gateway: NAT64,
  // 6to4 and Teredo. Public webhook receivers do not live there.
  list.addSubnet("64:ff9b::", 96, "ipv6");
  list.addSubnet("64:ff9b:1::", 48, "ipv6");
  list.addSubnet("2002::", 16, "ipv6");
  list.addSubnet("2001::", 32, "ipv6");
  list.addSubnet("fc00::", 7, "ipv6"); // unique local
  list.addSubnet("fe80::", 10, "ipv6"); // link-local
  list.addSubnet("ff00::", 8, "ipv6"); // multicast
  list.addSubnet("2001:db8::", 32, "ipv6"); // documentation
  return list;
})();

/** True for any address a public webhook must not reach (IPv4-mapped IPv6 included). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isPrivateAddress(mapped[1]);
  const family = net.isIP(address);
  if (family === 4) return blockList.check(address, "ipv4");
  if (family === 6) return blockList.check(address, "ipv6");
  return true; // not an address at all: refuse
}

/** The URL's shape: http(s), a host, no credentials. Throws a DomainError on "url". */
export function parseWebhookUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new DomainError("Enter a full URL, e.g. https://example.com/hooks/keyshare.", "url");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new DomainError("The URL must start with https:// or http://.", "url");
  if (url.username || url.password)
    throw new DomainError("The URL cannot carry a user name or password.", "url");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!allowPrivateTargets()) {
    if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".local"))
      throw new DomainError("The URL points at a local address; use a public one.", "url");
    if (net.isIP(host) && isPrivateAddress(host))
      throw new DomainError("The URL points at a private address; use a public one.", "url");
  }
  return url;
}

export type Target = { address: string; family: 4 | 6 };

/** Resolves the host once and returns the address to connect to, or throws why not. */
export async function resolveTarget(url: URL): Promise<Target> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const found = net.isIP(host)
    ? [{ address: host, family: net.isIP(host) as 4 | 6 }]
    : ((await lookup(host, { all: true, verbatim: true })) as Target[]);
  if (found.length === 0) throw new Error(`${host} did not resolve`);
  if (!allowPrivateTargets()) {
    // Every answer must be public: otherwise the choice of address would decide the check.
    const bad = found.find((a) => isPrivateAddress(a.address));
    if (bad) throw new Error(`${host} resolves to a private address (${bad.address}); refused`);
  }
  return found[0];
}
