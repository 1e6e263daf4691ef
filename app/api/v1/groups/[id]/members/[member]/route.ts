import { removeMemberOp } from "@/lib/api/operations/groups";
import { apiRoute } from "@/lib/api/handler";
import { removeMemberForApi } from "@/lib/api/groups";

export const DELETE = apiRoute(removeMemberOp, async ({ db, user, params, now }) => ({
  body: await removeMemberForApi(db, user, params.id, params.member, now),
}));
