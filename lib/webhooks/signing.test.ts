import { describe, expect, it } from "vitest";
import { createHmac } from "node:crypto";
import { endpointSecret, signatureHeader, verifySignature } from "./signing";

describe("Keyshare-Signature", () => {
  const secret = endpointSecret("ep-1", "nonce");
  const body = '{"id":"e1","type":"share.created"}';

  it("is t=<unix>,v1=<hex HMAC-SHA256(secret, t.body)>", () => {
    const h = signatureHeader(secret, body, 1_900_000_000);
    const mac = createHmac("sha256", secret).update(`1900000000.${body}`).digest("hex");
    expect(h).toBe(`t=1900000000,v1=${mac}`);
  });

  it("verifies; a changed body, another secret or an old timestamp do not", () => {
    const h = signatureHeader(secret, body, 1_900_000_000);
    expect(verifySignature(secret, body, h, 1_900_000_010)).toBe(true);
    expect(verifySignature(secret, `${body} `, h, 1_900_000_010)).toBe(false);
    expect(verifySignature(endpointSecret("ep-2", "nonce"), body, h, 1_900_000_010)).toBe(false);
    expect(verifySignature(secret, body, h, 1_900_001_000)).toBe(false);
    expect(verifySignature(secret, body, "garbage", 1_900_000_010)).toBe(false);
  });

  it("secrets are per endpoint and never the same twice", () => {
    expect(secret).toMatch(/^whsec_[\w-]{43}$/);
    expect(endpointSecret("ep-1", "nonce")).toBe(secret); // re-derived, not stored
    expect(endpointSecret("ep-1", "other")).not.toBe(secret);
  });
});
