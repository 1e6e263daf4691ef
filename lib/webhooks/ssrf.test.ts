import { afterEach, describe, expect, it } from "vitest";
import { isPrivateAddress, parseWebhookUrl, resolveTarget } from "./ssrf";

afterEach(() => {
  delete process.env.KEYSHARE_WEBHOOKS_ALLOW_PRIVATE;
});

describe("webhook targets", () => {
  it.each([
    ["127.0.0.1", true],
    ["10.1.2.3", true],
    ["172.16.0.1", true],
    ["172.32.0.1", false],
    ["192.168.1.1", true],
    ["169.254.169.254", true], // cloud metadata
    ["100.64.0.1", true],
    ["0.0.0.0", true],
    ["::1", true],
    ["::", true],
    ["fe80::1", true],
    ["fd00::1", true],
    ["::ffff:127.0.0.1", true],
    ["::ffff:10.0.0.1", true],
    ["::ffff:7f00:1", true], // the same, as WHATWG URL writes it
    ["::7f00:1", true], // IPv4-compatible
    ["64:ff9b::7f00:1", true], // NAT64
    ["2002:7f00:1::", true], // 6to4
    ["2001:0:4136:e378::1", true], // Teredo
    ["8.8.8.8", false],
    ["93.184.216.34", false],
    ["2606:4700:4700::1111", false],
    ["not-an-ip", true],
  ])("%s private: %s", (addr, priv) => {
    expect(isPrivateAddress(addr)).toBe(priv);
  });

  it("refuses local, private and non-http URLs unless private targets are allowed", () => {
    for (const url of [
      "http://localhost:3000/x",
      "http://127.0.0.1/x",
      "http://[::1]/x",
      "http://169.254.169.254/latest/meta-data",
      "http://printer.local/x",
      "http://[::ffff:127.0.0.1]/x",
      "http://0x7f000001/x", // 127.0.0.1 in the forms the URL parser normalises
      "http://2130706433/x",
      "http://127.1/x",
      "http://0/x",
    ])
      expect(() => parseWebhookUrl(url), url).toThrow(/local|private/);
    expect(() => parseWebhookUrl("ftp://example.com/x")).toThrow(/https?:\/\//);
    expect(() => parseWebhookUrl("https://user:pw@example.com/x")).toThrow(/password/);
    expect(() => parseWebhookUrl("not a url")).toThrow(/full URL/);
    expect(parseWebhookUrl("https://example.com/hook").hostname).toBe("example.com");
    process.env.KEYSHARE_WEBHOOKS_ALLOW_PRIVATE = "1";
    expect(parseWebhookUrl("http://127.0.0.1:3415/x").port).toBe("3415");
  });

  it("checks the address DNS gives, not the name", async () => {
    // localhost resolves to loopback: refused at send time even if it slipped past the form.
    await expect(resolveTarget(new URL("http://localhost/x"))).rejects.toThrow(/private address/);
    await expect(resolveTarget(new URL("http://127.0.0.1/x"))).rejects.toThrow(/private/);
    process.env.KEYSHARE_WEBHOOKS_ALLOW_PRIVATE = "1";
    await expect(resolveTarget(new URL("http://127.0.0.1/x"))).resolves.toEqual({
      address: "127.0.0.1",
      family: 4,
    });
  });
});
