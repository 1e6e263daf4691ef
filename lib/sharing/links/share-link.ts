import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { shares } from "@/db/schema";
import { appUrl } from "@/lib/platform/email/app-url";
import { deriveLinkToken, linkPath, type LinkKind } from "@/lib/sharing/tokens";
import { linkLapsed } from "@/lib/sharing/link-lifetime";
import { effectiveStatus } from "@/lib/sharing/status";

/** The one way to build a link's full URL, for emails, the API and "Copy sharing link". */
export const linkUrl = (token: string, kind: LinkKind = "share") =>
  appUrl() + linkPath(token, kind);

/**
 * The link of a pending share, for its sharer only. The token is re-derived from the
 * server secret and the stored nonce; the database alone holds no working link.
 */
export async function linkForShare(
  db: Db,
  q: { shareId: string; sharerId: string; now: number },
): Promise<{ link: string; lapsed: boolean } | null> {
  const share = (
    await db
      .select()
      .from(shares)
      .where(and(eq(shares.id, q.shareId), eq(shares.sharerId, q.sharerId)))
  )[0];
  if (!share || !share.tokenNonce || effectiveStatus(share, q.now) !== "Pending") return null;
  return {
    link: linkUrl(deriveLinkToken(share.id, share.tokenNonce)),
    lapsed: linkLapsed(share, q.now),
  };
}
