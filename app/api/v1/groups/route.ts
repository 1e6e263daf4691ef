import { createGroupOp, listGroupsOp } from "@/lib/api/operations/groups";
import { apiRoute } from "@/lib/api/handler";
import { createGroupForApi, listApiGroups } from "@/lib/api/groups";

export const GET = apiRoute(listGroupsOp, async ({ db, user, query }) => ({
  body: await listApiGroups(db, { ownerId: user.id, ...query }),
}));

export const POST = apiRoute(createGroupOp, async ({ db, user, body, now }) => ({
  status: 201,
  body: await createGroupForApi(db, user, body, now),
}));
