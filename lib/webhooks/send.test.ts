// DNS rebinding: the name is resolved once, every answer is checked, and the socket connects
// to that checked address — a second lookup (which a rebinding DNS server would answer with
// a private address) never happens. DNS is replaced here so the test decides the answers.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

const answers = vi.hoisted(() => ({ list: [] as { address: string; family: number }[][] }));
const lookup = vi.hoisted(() => vi.fn());
vi.mock("node:dns/promises", () => ({
  lookup: lookup.mockImplementation(async () => answers.list.shift() ?? []),
  default: { lookup },
}));

const { postSigned, SEND_TIMEOUT_MS } = await import("./send");

let server: http.Server;
let port = 0;
const paths: string[] = [];
beforeAll(async () => {
  server = http.createServer((req, res) => {
    paths.push(`${req.headers.host} ${req.url}`);
    req.resume();
    res.writeHead(204).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
afterEach(() => {
  vi.unstubAllEnvs();
  paths.length = 0;
  lookup.mockClear();
});

describe("postSigned and DNS", () => {
  it("connects to the address it resolved and checked, with no second lookup", async () => {
    vi.stubEnv("KEYSHARE_WEBHOOKS_ALLOW_PRIVATE", "1");
    // "rebind.invalid" exists only in the replaced DNS: a second, real lookup would fail.
    answers.list = [[{ address: "127.0.0.1", family: 4 }]];
    const r = await postSigned(`http://rebind.invalid:${port}/hook`, "{}", {});
    expect(r).toEqual({ ok: true, statusCode: 204, error: null });
    expect(paths).toEqual([`rebind.invalid:${port} /hook`]);
    expect(lookup).toHaveBeenCalledTimes(1);
  });

  it("refuses a name when any of its answers is private, and connects nowhere", async () => {
    vi.stubEnv("KEYSHARE_WEBHOOKS_ALLOW_PRIVATE", "");
    answers.list = [
      [
        { address: "93.184.216.34", family: 4 },
        { address: "127.0.0.1", family: 4 },
      ],
    ];
    const r = await postSigned(`http://rebind.invalid:${port}/hook`, "{}", {});
    expect(r).toMatchObject({ ok: false, statusCode: null });
    expect(r.error).toMatch(/private address \(127\.0\.0\.1\)/);
    expect(paths).toEqual([]);
  });

  it.each(["::1", "::ffff:7f00:1", "fe80::1", "169.254.169.254", "64:ff9b::a00:1"])(
    "refuses a name that resolves to %s",
    async (address) => {
      vi.stubEnv("KEYSHARE_WEBHOOKS_ALLOW_PRIVATE", "");
      answers.list = [[{ address, family: address.includes(":") ? 6 : 4 }]];
      const r = await postSigned(`http://rebind.invalid:${port}/hook`, "{}", {});
      expect(r.error).toMatch(/private address/);
      expect(paths).toEqual([]);
    },
  );

  it("gives a receiver 10 s at most", () => {
    expect(SEND_TIMEOUT_MS).toBe(10_000);
  });
});
