import { createHmac, randomBytes } from "node:crypto";
import { looksLikeToken } from "@/lib/platform/ids";
import { hashToken } from "@/lib/platform/token-hash";

/**
 * A link token is HMAC-SHA256(server secret, "<shareId>.<nonce>") with a fresh 128-bit
 * random nonce per link: 256 bits an attacker cannot predict. Only its SHA-256 hash and the
 * nonce are stored, so a leaked database holds no working link, while the server can
 * re-derive the link for its sharer ("Copy sharing link") without keeping it anywhere.
 */
export const LINK_NONCE_BYTES = 16;

/** Tests and `next build` run without AUTH_SECRET; `npm start` always provides one. */
function linkSecret(): string {
  return process.env.AUTH_SECRET ?? "keyshare-development-link-secret";
}

// Re-exported for the sharing code that imports its link helpers from here.
export { hashToken };

export function deriveLinkToken(shareId: string, nonce: string): string {
  return createHmac("sha256", linkSecret()).update(`${shareId}.${nonce}`).digest("base64url");
}

export function createLinkToken(shareId: string): { token: string; hash: string; nonce: string } {
  const nonce = randomBytes(LINK_NONCE_BYTES).toString("base64url");
  const token = deriveLinkToken(shareId, nonce);
  return { token, hash: hashToken(token), nonce };
}

/** The two link pages: one share's (/s/<token>) and a group member's (/g/<token>). */
export type LinkKind = "share" | "member";
const LINK_PREFIX: Record<LinkKind, string> = { share: "/s/", member: "/g/" };

export const linkPath = (token: string, kind: LinkKind = "share") => LINK_PREFIX[kind] + token;

/** The token of a link page's path (`/s/<token>` or `/g/<token>`), if it is shaped like one. */
export function linkTokenOf(path: string, kind: LinkKind = "share"): string | undefined {
  const token = path.startsWith(LINK_PREFIX[kind]) ? path.slice(LINK_PREFIX[kind].length) : "";
  return looksLikeToken(token) ? token : undefined;
}
