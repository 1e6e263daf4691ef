import { addMembersOp } from "@/lib/api/operations/groups";
import { apiRoute } from "@/lib/api/handler";
import { addMembersForApi } from "@/lib/api/groups";

export const POST = apiRoute(addMembersOp, async ({ db, user, params, body, now }) =>
  addMembersForApi(db, user, params.id, body.members, now),
);
