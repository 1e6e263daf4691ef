import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createLinkToken,
  deriveLinkToken,
  hashToken,
  LINK_NONCE_BYTES,
  linkPath,
  linkTokenOf,
} from "./tokens";
import { looksLikeToken } from "@/lib/platform/ids";

describe("link tokens (Rule 7)", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("is an HMAC over at least 128 random bits, URL-safe", () => {
    const { token, nonce } = createLinkToken("share-1");
    expect(LINK_NONCE_BYTES * 8).toBeGreaterThanOrEqual(128);
    expect(Buffer.from(nonce, "base64url")).toHaveLength(LINK_NONCE_BYTES);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(looksLikeToken(token)).toBe(true);
    expect(looksLikeToken("short")).toBe(false);
    expect(looksLikeToken(`${token}x`)).toBe(false);
  });

  it("builds and reads the two link paths", () => {
    const token = createLinkToken("share-1").token;
    expect(linkPath(token)).toBe(`/s/${token}`);
    expect(linkPath(token, "member")).toBe(`/g/${token}`);
    expect(linkTokenOf(`/s/${token}`)).toBe(token);
    expect(linkTokenOf(`/g/${token}`, "member")).toBe(token);
    expect(linkTokenOf(`/g/${token}`)).toBeUndefined();
    expect(linkTokenOf(`/s/${token}/x`)).toBeUndefined();
    expect(linkTokenOf("/s/short")).toBeUndefined();
  });

  it("never repeats, even for the same share", () => {
    const seen = new Set(Array.from({ length: 1000 }, () => createLinkToken("share-1").token));
    expect(seen.size).toBe(1000);
  });

  it("can be re-derived only with the server secret", () => {
    vi.stubEnv("AUTH_SECRET", "secret-one");
    const { token, nonce } = createLinkToken("share-1");
    expect(deriveLinkToken("share-1", nonce)).toBe(token);
    expect(deriveLinkToken("share-2", nonce)).not.toBe(token);
    vi.stubEnv("AUTH_SECRET", "secret-two");
    expect(deriveLinkToken("share-1", nonce)).not.toBe(token);
  });

  it("hashes with SHA-256 hex; neither hash nor nonce is the token", () => {
    const { token, hash, nonce } = createLinkToken("share-1");
    expect(hash).toBe(hashToken(token));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token);
    expect(nonce).not.toBe(token);
    expect(hashToken("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });
});
