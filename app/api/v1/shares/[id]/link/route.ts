import { linkShareOp } from "@/lib/api/operations/shares";
import { shareActionRoute } from "@/lib/api/share-action-route";
import { newLinkForApi } from "@/lib/api/share-writes";

export const POST = shareActionRoute(linkShareOp, ({ db, user, shareId, now }) => ({
  link: newLinkForApi(db, user, shareId, now),
}));
