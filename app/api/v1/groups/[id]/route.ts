import { deleteGroupOp, getGroupOp, renameGroupOp } from "@/lib/api/operations/groups";
import { apiRoute } from "@/lib/api/handler";
import { deleteGroupForApi, loadApiGroup, renameGroupForApi } from "@/lib/api/groups";

export const GET = apiRoute(getGroupOp, async ({ db, user, params, now }) => ({
  body: await loadApiGroup(db, user.id, params.id, now),
}));

export const PATCH = apiRoute(renameGroupOp, async ({ db, user, params, body, now }) => ({
  body: await renameGroupForApi(db, user, params.id, body.name, now),
}));

export const DELETE = apiRoute(deleteGroupOp, async ({ db, user, params, now }) => ({
  body: await deleteGroupForApi(db, user, params.id, now),
}));
