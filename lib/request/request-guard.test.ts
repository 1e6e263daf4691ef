import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER, ipFromHeaders } from "@/lib/request/client-ip";
import {
  HSTS_VALUE,
  guardRequest,
  hstsWanted,
  redactUrl,
  type GuardOptions,
} from "./request-guard";

let server: http.Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

/** A server that answers with the client address the app would see. */
async function start(opts: GuardOptions) {
  server = http.createServer((req, res) => {
    guardRequest(req, res, opts);
    res.end(
      JSON.stringify({
        ip: ipFromHeaders(new Headers(req.headers as Record<string, string>)),
        raw: req.headers[CLIENT_IP_HEADER],
      }),
    );
  });
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", () => r()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("guardRequest over real HTTP", () => {
  it("sets the client address from the socket; a forged header or X-Forwarded-For changes nothing", async () => {
    const url = await start({ trustedHops: 0, hsts: false });
    const res = await fetch(url, {
      headers: { [CLIENT_IP_HEADER]: "203.0.113.66", "x-forwarded-for": "198.51.100.1" },
    });
    expect(await res.json()).toEqual({ ip: "127.0.0.1", raw: "127.0.0.1" });
    expect(res.headers.get("strict-transport-security")).toBeNull();
  });

  it("behind one trusted proxy, takes the proxy's entry", async () => {
    const url = await start({ trustedHops: 1, hsts: false });
    const res = await fetch(url, {
      headers: { [CLIENT_IP_HEADER]: "203.0.113.66", "x-forwarded-for": "6.6.6.6, 198.51.100.1" },
    });
    expect(await res.json()).toMatchObject({ ip: "198.51.100.1" });
  });

  it("adds Strict-Transport-Security when the app is served over HTTPS", async () => {
    const url = await start({ trustedHops: 0, hsts: true });
    expect((await fetch(url)).headers.get("strict-transport-security")).toBe(HSTS_VALUE);
  });
});

describe("hstsWanted", () => {
  it("only for an https APP_URL", () => {
    expect(hstsWanted("https://keyshare.example.com")).toBe(true);
    expect(hstsWanted("http://localhost:3000")).toBe(false);
    expect(hstsWanted(undefined)).toBe(false);
    expect(hstsWanted("not a url")).toBe(false);
  });
});

describe("redactUrl", () => {
  it("logs no link token and no query string", () => {
    expect(redactUrl("/s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).toBe("/s/[token]");
    expect(redactUrl("/s/AAAA?x=1")).toBe("/s/[token]");
    expect(redactUrl("/verify-email/abc")).toBe("/verify-email/[token]");
    expect(redactUrl("/reset-password/abc#f")).toBe("/reset-password/[token]");
    expect(redactUrl("/sign-in?callbackUrl=%2Fs%2FAAAA")).toBe("/sign-in");
    expect(redactUrl("/shared-with-me/123")).toBe("/shared-with-me/123");
    expect(redactUrl(undefined)).toBe("/");
  });
});
