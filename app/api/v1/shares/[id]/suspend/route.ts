import { suspendShareOp } from "@/lib/api/operations/shares";
import { shareActionRoute } from "@/lib/api/share-action-route";
import { suspendForApi } from "@/lib/api/share-writes";

export const POST = shareActionRoute(suspendShareOp, ({ db, user, shareId, now }) =>
  suspendForApi(db, user, shareId, now),
);
