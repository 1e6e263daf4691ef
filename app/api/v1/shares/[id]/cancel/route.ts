import { cancelShareOp } from "@/lib/api/operations/shares";
import { shareActionRoute } from "@/lib/api/share-action-route";
import { cancelForApi } from "@/lib/api/share-writes";

export const POST = shareActionRoute(cancelShareOp, ({ db, user, shareId, body, now }) =>
  cancelForApi(db, user, shareId, (body as { deviceIds?: string[] }).deviceIds, now),
);
