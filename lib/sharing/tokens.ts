import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes = 256 bits: far beyond guessing, and the rule asks for at least 128. */
export const LINK_TOKEN_BYTES = 32;

/** Only the hash is stored: a leaked database does not leak working links. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function createLinkToken(): { token: string; hash: string } {
  const token = randomBytes(LINK_TOKEN_BYTES).toString("base64url");
  return { token, hash: hashToken(token) };
}

/** Cheap shape check before touching the database (43 chars of base64url for 32 bytes). */
export function looksLikeLinkToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
