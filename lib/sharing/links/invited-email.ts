import "server-only";
import type { Db } from "@/db/client";
import { openLinkShare } from "@/lib/sharing/lifecycle";
import { hashToken, linkTokenOf } from "@/lib/sharing/tokens";
import { memberByTokenHash } from "@/lib/groups/notify";

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
  const member = linkTokenOf(path, "member");
  return member
    ? ((await memberByTokenHash(db, hashToken(member)))?.email ?? undefined)
    : undefined;
}
