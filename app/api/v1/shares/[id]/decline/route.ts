import { declineShareOp } from "@/lib/api/operations/shares";
import { shareActionRoute } from "@/lib/api/share-action-route";
import { respondForApi } from "@/lib/api/share-writes";

export const POST = shareActionRoute(declineShareOp, ({ db, user, shareId, now }) =>
  respondForApi(db, user, shareId, "declined", now),
);
