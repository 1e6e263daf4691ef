import { linkShareOp } from "@/lib/api/operations/shares";
import { shareActionRoute } from "@/lib/api/share-action-route";
import { newLinkForApi } from "@/lib/api/share-writes";

export const POST = shareActionRoute(linkShareOp, async ({ db, user, shareId, now }) => ({
  link: await newLinkForApi(db, user, shareId, now),
}));
