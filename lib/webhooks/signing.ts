// Keyshare-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>.
// The secret is derived, never stored: HMAC(server secret, "webhook.<endpoint id>.<nonce>").
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "Keyshare-Signature";
export const SIGNATURE_TOLERANCE_S = 300;

function serverSecret(): string {
  return process.env.AUTH_SECRET ?? "keyshare-development-link-secret";
}

export const newSecretNonce = () => randomBytes(16).toString("base64url");

export function endpointSecret(endpointId: string, nonce: string): string {
  const mac = createHmac("sha256", serverSecret()).update(`webhook.${endpointId}.${nonce}`);
  return `whsec_${mac.digest("base64url")}`;
}

export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const v1 = createHmac("sha256", secret).update(`${unixSeconds}.${body}`).digest("hex");
  return `t=${unixSeconds},v1=${v1}`;
}

/** What a receiver does: recompute, compare in constant time, refuse old timestamps. */
export function verifySignature(
  secret: string,
  body: string,
  header: string | null | undefined,
  nowSeconds: number,
  toleranceS = SIGNATURE_TOLERANCE_S,
): boolean {
  const parts = Object.fromEntries(
    (header ?? "").split(",").map((p) => p.split("=", 2) as [string, string]),
  );
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceS || !parts.v1) return false;
  const expected = Buffer.from(signatureHeader(secret, body, t).split("v1=")[1], "hex");
  const given = Buffer.from(parts.v1, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
