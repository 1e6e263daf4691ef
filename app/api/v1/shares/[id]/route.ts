import { getShare } from "@/lib/api/operations/shares";
import { apiRoute } from "@/lib/api/handler";
import { loadApiShare } from "@/lib/api/share-detail";

export const GET = apiRoute(getShare, async ({ db, user, params, now }) => ({
  body: await loadApiShare(db, user, params.id, now),
}));
