import { resumeShareOp } from "@/lib/api/operations/shares";
import { shareActionRoute } from "@/lib/api/share-action-route";
import { resumeForApi } from "@/lib/api/share-writes";

export const POST = shareActionRoute(resumeShareOp, ({ db, user, shareId, now }) =>
  resumeForApi(db, user, shareId, now),
);
