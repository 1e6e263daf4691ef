import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const MAIL_HTTP_PORT = Number(process.env.E2E_MAIL_HTTP_PORT ?? 3199);
const MAIL_SMTP_PORT = Number(process.env.E2E_MAIL_SMTP_PORT ?? 3125);
const baseURL = `http://localhost:${PORT}`;
const DB = process.env.E2E_DATABASE ?? "data/e2e.db";
// E2E_DATABASE_URL=postgres://… (set by scripts/e2e-pg.ts, which creates a fresh database and
// drops it after) runs the same specs against PostgreSQL; otherwise a fresh SQLite file.
const PG_URL = /^postgres(ql)?:\/\//i.test(process.env.E2E_DATABASE_URL ?? "")
  ? process.env.E2E_DATABASE_URL
  : undefined;

// Debian's Chromium by default (Playwright's own browser download is impossible here);
// CHROMIUM_PATH overrides it, and an empty value uses Playwright's bundled browser.
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const launchOptions = {
  executablePath: executablePath || undefined,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      // The desktop suite; the phone specs in e2e/phone/ run only in the phone project.
      name: "chromium",
      testIgnore: /[\\/]phone[\\/]/,
      use: { ...devices["Desktop Chrome"], launchOptions },
    },
    {
      // A 390 × 844 phone (the narrowest common screen), touch and mobile viewport, in the
      // same Chromium and against the same webServer.
      name: "phone",
      testMatch: /[\\/]phone[\\/].*\.spec\.ts$/,
      use: {
        ...devices["Pixel 7"],
        viewport: { width: 390, height: 844 },
        screen: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        launchOptions,
      },
    },
  ],
  webServer: [
    {
      command: `tsx e2e/support/mail-sink.ts`,
      url: `http://localhost:${MAIL_HTTP_PORT}/messages`,
      env: { MAIL_HTTP_PORT: String(MAIL_HTTP_PORT), MAIL_SMTP_PORT: String(MAIL_SMTP_PORT) },
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: PG_URL
        ? "tsx scripts/start.ts"
        : `rm -f ${DB} ${DB}-wal ${DB}-shm && tsx scripts/start.ts`,
      url: `${baseURL}/sign-in`,
      env: {
        PORT: String(PORT),
        DATABASE_PATH: DB,
        ...(PG_URL ? { DATABASE_URL: PG_URL } : {}),
        KEYSHARE_SEED: "0",
        APP_URL: baseURL,
        SMTP_URL: `smtp://127.0.0.1:${MAIL_SMTP_PORT}`,
        KEYSHARE_RATE_LIMIT: process.env.KEYSHARE_RATE_LIMIT ?? "relaxed",
        // The e2e webhook receiver listens on 127.0.0.1.
        KEYSHARE_WEBHOOKS_ALLOW_PRIVATE: "1",
      },
      reuseExistingServer: false,
      timeout: 300_000,
      stdout: "pipe",
    },
  ],
});
