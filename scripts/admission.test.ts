import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { admittingListener, createAdmission, isNeverShed, SHED_RETRY_AFTER_S } from "./admission";

describe("createAdmission", () => {
  it("admits up to the limit, then sheds, and admits again once a request leaves", () => {
    const a = createAdmission(2);
    expect(a.tryEnter("/devices")).toBe(true);
    expect(a.tryEnter("/shared-by-me")).toBe(true);
    expect(a.tryEnter("/shared-with-me")).toBe(false);
    expect(a.shed).toBe(1);
    a.leave();
    expect(a.tryEnter("/shared-with-me")).toBe(true);
    expect(a.inFlight).toBe(2);
  });

  it("never sheds static files, but counts them while they are served", () => {
    const a = createAdmission(1);
    expect(a.tryEnter("/devices")).toBe(true);
    expect(a.tryEnter("/_next/static/chunks/app.js")).toBe(true);
    expect(a.inFlight).toBe(2);
    expect(a.tryEnter("/devices")).toBe(false);
  });

  it("does not go below zero on a stray leave", () => {
    const a = createAdmission(1);
    a.leave();
    expect(a.tryEnter("/devices")).toBe(true);
    expect(a.tryEnter("/devices")).toBe(false);
  });

  it("refuses a limit that is not a positive integer", () => {
    for (const bad of [0, -1, 1.5, Number.NaN])
      expect(() => createAdmission(bad)).toThrow(/positive integer/);
  });

  it("knows which paths are static", () => {
    expect(isNeverShed("/_next/static/css/a.css")).toBe(true);
    expect(isNeverShed("/favicon.ico")).toBe(true);
    expect(isNeverShed("/_next/image")).toBe(false);
    expect(isNeverShed("/s/token")).toBe(false);
  });
});

describe("admittingListener over real HTTP", () => {
  let server: http.Server | undefined;
  afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

  /** A server whose page requests stay open until released; `/boom` throws. */
  async function start(max: number) {
    const admission = createAdmission(max);
    const waiting: (() => void)[] = [];
    server = http.createServer(
      admittingListener(admission, async (req, res) => {
        if (req.url === "/boom") throw new Error("render failed");
        if (!req.url?.startsWith("/_next/static/")) await new Promise<void>((r) => waiting.push(r));
        res.end(`ok ${req.url}`);
      }),
    );
    await new Promise<void>((r) => server!.listen(0, "127.0.0.1", () => r()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const releaseAll = () => waiting.splice(0).forEach((r) => r());
    const until = async (cond: () => boolean) => {
      while (!cond()) await new Promise((r) => setTimeout(r, 5));
    };
    return { admission, url, releaseAll, until, waiting };
  }

  it("answers 503 with Retry-After beyond the limit, and serves again once slots free up", async () => {
    const s = await start(2);
    const first = [fetch(`${s.url}/a`), fetch(`${s.url}/b`)];
    await s.until(() => s.waiting.length === 2);

    const shed = await fetch(`${s.url}/c`);
    expect(shed.status).toBe(503);
    expect(shed.headers.get("retry-after")).toBe(String(SHED_RETRY_AFTER_S));
    expect(await shed.text()).toMatch(/busy.*try again in 2 s/i);
    // Static files still load while pages are shed.
    const asset = await fetch(`${s.url}/_next/static/app.js`);
    expect(asset.status).toBe(200);

    s.releaseAll();
    expect(await Promise.all(first.map((p) => p.then((r) => r.text())))).toEqual([
      "ok /a",
      "ok /b",
    ]);
    await s.until(() => s.admission.inFlight === 0);
    const again = fetch(`${s.url}/d`);
    await s.until(() => s.waiting.length === 1);
    s.releaseAll();
    expect((await again).status).toBe(200);
  });

  it("gives the slot back when the client goes away before the answer", async () => {
    const s = await start(1);
    const ctrl = new AbortController();
    const gone = fetch(`${s.url}/slow`, { signal: ctrl.signal }).catch(() => "aborted");
    await s.until(() => s.admission.inFlight === 1);
    ctrl.abort();
    expect(await gone).toBe("aborted");
    await s.until(() => s.admission.inFlight === 0);
    const next = fetch(`${s.url}/next`);
    await s.until(() => s.waiting.length === 2);
    s.releaseAll();
    expect((await next).status).toBe(200);
  });

  it("answers 500 when the handler throws, and frees the slot", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const s = await start(1);
    const res = await fetch(`${s.url}/boom`);
    expect(res.status).toBe(500);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining("/boom"), expect.any(Error));
    logged.mockRestore();
    await s.until(() => s.admission.inFlight === 0);
  });
});
