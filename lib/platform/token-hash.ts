// Not server-only: scripts (seed, bench) run it outside Next.js.
import { createHash } from "node:crypto";

/**
 * The one hash of every secret token (sharing and member links, email links, API tokens):
 * only this is stored, so a leaked database holds no working token.
 */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
