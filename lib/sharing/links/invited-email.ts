import "server-only";
import type { Db } from "@/db/client";
import { openLinkShare } from "@/lib/sharing/lifecycle";
import { looksLikeLinkToken } from "@/lib/sharing/tokens";
import { hashToken } from "@/lib/sharing/tokens";
import { memberByTokenHash } from "@/lib/groups/notify";

/** The link token in a return path `/s/<token>`, if that is what it is. */
export function linkTokenOf(path: string): string | undefined {
  const token = /^\/s\/([^/]+)$/.exec(path)?.[1];
  return token && looksLikeLinkToken(token) ? token : undefined;
}

/**
 * When sign-up or sign-in is reached from a sharing link that can still be answered, the
 * address it was sent to (the link only works for it). Undefined for anything else.
 */
export async function invitedEmailForReturnPath(
  db: Db,
  path: string,
  now: number,
): Promise<string | undefined> {
  const token = linkTokenOf(path);
  if (token) return (await openLinkShare(db, token, now))?.recipientEmail;
  // A group member's link (/g/<token>) proves the member's address the same way.
  const member = /^\/g\/([A-Za-z0-9_-]{43})$/.exec(path)?.[1];
  return member
    ? ((await memberByTokenHash(db, hashToken(member)))?.email ?? undefined)
    : undefined;
}
