import { getShare } from "@/lib/api/operations/shares";
import { apiRoute } from "@/lib/api/handler";
import { loadApiShare } from "@/lib/api/share-detail";

export const GET = apiRoute(getShare, ({ db, user, params, now }) => ({
  body: loadApiShare(db, user, params.id, now),
}));
