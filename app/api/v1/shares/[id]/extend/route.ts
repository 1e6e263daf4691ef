import { extendShareOp } from "@/lib/api/operations/shares";
import { shareActionRoute } from "@/lib/api/share-action-route";
import { extendForApi } from "@/lib/api/share-writes";

export const POST = shareActionRoute(extendShareOp, ({ db, user, shareId, body, now }) =>
  extendForApi(db, user, shareId, Date.parse((body as { expiresAt: string }).expiresAt), now),
);
