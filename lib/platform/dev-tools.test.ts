import { describe, expect, it } from "vitest";
import { demoSeedAllowed, devToolsEnabled, isLocalAppUrl } from "./dev-tools";

const env = (o: Record<string, string | undefined>) => o as NodeJS.ProcessEnv;

describe("devToolsEnabled", () => {
  it("only in development with KEYSHARE_DEV_TOOLS=1", () => {
    expect(devToolsEnabled(env({ NODE_ENV: "development", KEYSHARE_DEV_TOOLS: "1" }))).toBe(true);
    expect(devToolsEnabled(env({ NODE_ENV: "development" }))).toBe(false);
    // npm start runs production: never, whatever APP_URL or KEYSHARE_DEV_TOOLS say.
    expect(
      devToolsEnabled(
        env({ NODE_ENV: "production", KEYSHARE_DEV_TOOLS: "1", APP_URL: "http://localhost:3000" }),
      ),
    ).toBe(false);
    expect(devToolsEnabled(env({ NODE_ENV: "production", APP_URL: "http://localhost:3000" }))).toBe(
      false,
    );
  });
});

describe("demoSeedAllowed", () => {
  it("on a local install, or when asked for with KEYSHARE_SEED=demo", () => {
    expect(demoSeedAllowed(env({}))).toBe(true);
    expect(demoSeedAllowed(env({ APP_URL: "http://localhost:3000" }))).toBe(true);
    expect(demoSeedAllowed(env({ APP_URL: "http://127.0.0.1:8080" }))).toBe(true);
    expect(demoSeedAllowed(env({ APP_URL: "http://[::1]:3000" }))).toBe(true);
    expect(
      demoSeedAllowed(env({ APP_URL: "https://keyshare.example.com", KEYSHARE_SEED: "demo" })),
    ).toBe(true);
  });

  it("never for a public APP_URL, nor with KEYSHARE_SEED=0", () => {
    for (const url of [
      "https://keyshare.example.com",
      "http://203.0.113.9:3000",
      "https://localhost.example.com",
      "garbage",
    ]) {
      expect(demoSeedAllowed(env({ APP_URL: url })), url).toBe(false);
    }
    expect(demoSeedAllowed(env({ APP_URL: "http://localhost:3000", KEYSHARE_SEED: "0" }))).toBe(
      false,
    );
  });

  it("knows local addresses", () => {
    expect(isLocalAppUrl("http://app.localhost:3000")).toBe(true);
    expect(isLocalAppUrl("https://localhost.evil.test")).toBe(false);
  });
});
