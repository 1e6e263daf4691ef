import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { testDb } from "@/lib/sharing/test-fixtures";
import { clearSignInLimits, countSignInAttempt, signInSucceeded } from "./sign-in-limits";

let db: Db;
const T = 1_000_000;
const attempt = (email: string, address: string, now = T) =>
  countSignInAttempt(db, { email, address, now });

beforeEach(async () => {
  db = await testDb();
  vi.stubEnv("KEYSHARE_RATE_LIMIT", "");
});
afterEach(() => vi.unstubAllEnvs());

describe("password attempts", () => {
  it("10 per account from one address, then refused for the rest of the 15 minutes", async () => {
    for (let i = 0; i < 10; i++)
      expect((await attempt("ada@example.com", "203.0.113.9")).ok).toBe(true);
    expect(await attempt("ADA@example.com ", "203.0.113.9", T + 1000)).toEqual({
      ok: false,
      retryAfterS: 899,
    });
    // The owner at another address is not locked out by the guesser.
    expect(await attempt("ada@example.com", "198.51.100.7")).toEqual({ ok: true, slow: false });
    expect(await attempt("ada@example.com", "203.0.113.9", T + 15 * 60_000)).toMatchObject({
      ok: true,
    });
  });

  it("50 from one address, whatever the accounts", async () => {
    for (let i = 0; i < 50; i++)
      expect((await attempt(`user${i}@example.com`, "203.0.113.9")).ok).toBe(true);
    expect((await attempt("someone-else@example.com", "203.0.113.9")).ok).toBe(false);
    expect((await attempt("someone-else@example.com", "198.51.100.7")).ok).toBe(true);
  });

  it("from many addresses, one account is slowed down beyond 20 attempts, never locked", async () => {
    for (let i = 0; i < 20; i++)
      expect(await attempt("ada@example.com", `203.0.113.${i}`)).toEqual({ ok: true, slow: false });
    for (let i = 20; i < 60; i++)
      expect(await attempt("ada@example.com", `203.0.113.${i}`)).toEqual({ ok: true, slow: true });
  });

  it("a right password clears the address's typos for that account and does not count", async () => {
    for (let i = 0; i < 9; i++) await attempt("ada@example.com", "203.0.113.9");
    await signInSucceeded(db, { email: "ada@example.com", address: "203.0.113.9" });
    for (let i = 0; i < 10; i++)
      expect((await attempt("ada@example.com", "203.0.113.9")).ok).toBe(true);
  });

  it("a password reset clears the pair lock for the address it was made from", async () => {
    for (let i = 0; i < 11; i++) await attempt("ada@example.com", "203.0.113.9");
    expect((await attempt("ada@example.com", "203.0.113.9")).ok).toBe(false);
    await clearSignInLimits(db, { email: "ADA@example.com", address: "203.0.113.9" });
    expect((await attempt("ada@example.com", "203.0.113.9")).ok).toBe(true);
  });

  it("the relaxed end-to-end mode lifts only the per-address cap", async () => {
    vi.stubEnv("KEYSHARE_RATE_LIMIT", "relaxed");
    for (let i = 0; i < 60; i++)
      expect((await attempt(`user${i}@example.com`, "127.0.0.1")).ok).toBe(true);
    for (let i = 0; i < 10; i++) await attempt("ada@example.com", "127.0.0.1");
    expect((await attempt("ada@example.com", "127.0.0.1")).ok).toBe(false);
  });
});
