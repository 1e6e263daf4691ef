import { describe, expect, it } from "vitest";
import { clientAddress, normalizeAddress, trustedProxyHops } from "./client-address";

describe("clientAddress", () => {
  it("with no trusted proxy, X-Forwarded-For is ignored: the socket decides", () => {
    expect(clientAddress("203.0.113.9", "198.51.100.1", 0)).toBe("203.0.113.9");
    expect(clientAddress("203.0.113.9", ["198.51.100.1", "198.51.100.2"], 0)).toBe("203.0.113.9");
    expect(clientAddress("::ffff:203.0.113.9", undefined, 0)).toBe("203.0.113.9");
  });

  it("with one trusted proxy, the last entry (the one the proxy wrote) is the client", () => {
    expect(clientAddress("10.0.0.2", "198.51.100.66, 203.0.113.9", 1)).toBe("203.0.113.9");
    expect(clientAddress("10.0.0.2", "203.0.113.9", 1)).toBe("203.0.113.9");
    // Two proxies: the second entry from the right; the client's own entries stay untrusted.
    expect(clientAddress("10.0.0.3", "1.2.3.4, 203.0.113.9, 10.0.0.2", 2)).toBe("203.0.113.9");
  });

  it("garbage and missing entries fall back to the socket, never to what the client sent", () => {
    expect(clientAddress("10.0.0.2", "198.51.100.66, not-an-ip", 1)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", "198.51.100.66, ", 1)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", "203.0.113.9", 2)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", "203.0.113.9:443", 1)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", "x".repeat(10_000), 1)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", undefined, 1)).toBe("10.0.0.2");
    expect(clientAddress(undefined, undefined, 0)).toBe("unknown");
  });

  it("counts IPv6 clients by their /64, so rotating through one's own block changes nothing", () => {
    expect(normalizeAddress("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(normalizeAddress("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(normalizeAddress("2001:0db8:0001:0002::")).toBe("2001:db8:1:2::/64");
    expect(normalizeAddress("::1")).toBe("0:0:0:0::/64");
    expect(normalizeAddress("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(normalizeAddress("64:ff9b::203.0.113.9")).toBe("64:ff9b:0:0::/64");
    expect(normalizeAddress("::ffff:203.0.113.9")).toBe("203.0.113.9");
    for (const bad of ["", "1.2.3", "1.2.3.256", "2001:db8::g", "localhost", undefined])
      expect(normalizeAddress(bad)).toBeNull();
  });
});

describe("trustedProxyHops", () => {
  it("defaults to 0 and accepts whole numbers up to 10", () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(trustedProxyHops("")).toBe(0);
    expect(trustedProxyHops("1")).toBe(1);
    for (const bad of ["-1", "1.5", "eleven", "11"])
      expect(() => trustedProxyHops(bad)).toThrow(/TRUSTED_PROXY_HOPS/);
  });
});
