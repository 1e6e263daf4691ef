import type { Share } from "@/db/schema";
import { DAY } from "@/lib/platform/time";

/**
 * A sharing link works for 30 days after it was last sent (made, sent again with Resend, or
 * replaced with a new link): an invitation forgotten in a mailbox does not stay a way in.
 * The share itself stays pending; only the link lapses.
 */
export const LINK_LIFETIME_MS = 30 * DAY;

export function linkLapsed(
  share: Pick<Share, "tokenCreatedAt" | "createdAt">,
  now: number,
): boolean {
  return now >= (share.tokenCreatedAt ?? share.createdAt) + LINK_LIFETIME_MS;
}

export const LAPSED_LINK_MESSAGE =
  "This sharing link has expired: links work for 30 days. Ask the sharer to send it again.";
