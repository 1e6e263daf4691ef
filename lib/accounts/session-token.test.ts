import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { sessionFromCookieHeader } from "./session-token";

const SECRET = "test-secret-0123456789-0123456789-abcdef";
const PLAIN = "authjs.session-token";
const SECURE = "__Secure-authjs.session-token";

/** A session token exactly as Auth.js issues it at sign-in (the cookie name is the salt). */
const issue = (
  claims: Record<string, unknown>,
  salt = PLAIN,
  opts: { secret?: string; maxAge?: number } = {},
) => encode({ token: claims, secret: opts.secret ?? SECRET, salt, maxAge: opts.maxAge });

describe("sessionFromCookieHeader", () => {
  it("reads the user id, session version and session id from a token Auth.js issued", async () => {
    const token = await issue({ sub: "user-1", sv: 3, sid: "s-1", name: "Olivia" });
    expect(await sessionFromCookieHeader(`theme=dark; ${PLAIN}=${token}`, SECRET)).toEqual({
      userId: "user-1",
      sessionVersion: 3,
      sessionId: "s-1",
    });
  });

  it("treats a token without a session version as version 0", async () => {
    const token = await issue({ sub: "user-1", sid: "s-1" });
    expect(await sessionFromCookieHeader(`${PLAIN}=${token}`, SECRET)).toEqual({
      userId: "user-1",
      sessionVersion: 0,
      sessionId: "s-1",
    });
  });

  it("refuses a token without a session id (issued before sessions could end)", async () => {
    const token = await issue({ sub: "user-1", sv: 0 });
    expect(await sessionFromCookieHeader(`${PLAIN}=${token}`, SECRET)).toBeNull();
    const blank = await issue({ sub: "user-1", sv: 0, sid: "" });
    expect(await sessionFromCookieHeader(`${PLAIN}=${blank}`, SECRET)).toBeNull();
  });

  it("reads the __Secure- cookie issued over HTTPS", async () => {
    const token = await issue({ sub: "user-2", sv: 0, sid: "s-2" }, SECURE);
    expect(await sessionFromCookieHeader(`${SECURE}=${token}`, SECRET)).toEqual({
      userId: "user-2",
      sessionVersion: 0,
      sessionId: "s-2",
    });
  });

  it("joins a token split over chunked cookies", async () => {
    const token = await issue({ sub: "user-3", sv: 1, sid: "s-3" });
    const half = Math.floor(token.length / 2);
    const header = `${PLAIN}.1=${token.slice(half)}; ${PLAIN}.0=${token.slice(0, half)}`;
    expect(await sessionFromCookieHeader(header, SECRET)).toEqual({
      userId: "user-3",
      sessionVersion: 1,
      sessionId: "s-3",
    });
  });

  it("refuses an expired token", async () => {
    const token = await issue({ sub: "user-1", sv: 0, sid: "s-1" }, PLAIN, { maxAge: -60 });
    expect(await sessionFromCookieHeader(`${PLAIN}=${token}`, SECRET)).toBeNull();
  });

  it("refuses a token sealed with another secret, or under another cookie name", async () => {
    const foreign = await issue({ sub: "user-1", sid: "s-1" }, PLAIN, {
      secret: "another-secret-0123456789-0123456789",
    });
    expect(await sessionFromCookieHeader(`${PLAIN}=${foreign}`, SECRET)).toBeNull();
    // The cookie name is the key's salt: a plain cookie's token does not open as a secure one.
    const plain = await issue({ sub: "user-1", sid: "s-1" });
    expect(await sessionFromCookieHeader(`${SECURE}=${plain}`, SECRET)).toBeNull();
  });

  it("refuses a tampered token", async () => {
    const token = await issue({ sub: "user-1", sv: 0, sid: "s-1" });
    const parts = token.split(".");
    const c = parts[3];
    parts[3] = (c[0] === "A" ? "B" : "A") + c.slice(1);
    expect(await sessionFromCookieHeader(`${PLAIN}=${parts.join(".")}`, SECRET)).toBeNull();
    expect(await sessionFromCookieHeader(`${PLAIN}=not-a-token`, SECRET)).toBeNull();
  });

  it("refuses a token without a subject", async () => {
    const token = await issue({ name: "nobody", sid: "s-1" });
    expect(await sessionFromCookieHeader(`${PLAIN}=${token}`, SECRET)).toBeNull();
  });

  it("is anonymous without a session cookie or without a secret", async () => {
    const token = await issue({ sub: "user-1", sid: "s-1" });
    expect(await sessionFromCookieHeader("", SECRET)).toBeNull();
    expect(await sessionFromCookieHeader("theme=dark", SECRET)).toBeNull();
    expect(await sessionFromCookieHeader(`${PLAIN}=${token}`, undefined)).toBeNull();
  });
});
