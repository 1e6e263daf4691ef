import { leaveShareOp } from "@/lib/api/operations/shares";
import { apiRoute } from "@/lib/api/handler";
import { loadApiShare } from "@/lib/api/share-detail";
import { respondForApi } from "@/lib/api/share-writes";
import { isGroupShareOf } from "@/lib/groups/group-shares";

export const POST = apiRoute(leaveShareOp, async ({ db, user, params, now }) => {
  // A member who leaves a group share no longer sees it (the others keep it): the answer is
  // the share as they saw it, marked Left, its devices no longer theirs.
  const viaGroup = await isGroupShareOf(db, params.id, user);
  const before = viaGroup ? await loadApiShare(db, user, params.id, now) : null;
  const after = await respondForApi(db, user, params.id, "left", now);
  const share = before
    ? { ...before, status: "Left" as const, endedAt: new Date(now).toISOString(), devices: [] }
    : await loadApiShare(db, user, params.id, now);
  return { body: { share }, after };
});
