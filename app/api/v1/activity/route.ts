import { listActivityOp } from "@/lib/api/operations/access";
import { apiRoute } from "@/lib/api/handler";
import { decodeCursor, encodeCursor } from "@/lib/api/cursor";
import { eventView } from "@/lib/api/views";
import { utcDay, utcDayEnd } from "@/lib/activity/filters";
import { listActivity } from "@/lib/activity/query";

export const GET = apiRoute(listActivityOp, async ({ db, user, query }) => {
  const before = decodeCursor(query.cursor, "number");
  const page = await listActivity(db, {
    sharerId: user.id,
    type: query.type,
    recipient: query.recipient,
    from: utcDay(query.from),
    to: utcDayEnd(query.to),
    before: before ? { at: before[0] as number, id: before[1] } : undefined,
    limit: query.limit,
  });
  return {
    body: {
      items: page.rows.map((r) => eventView(r.shareId, r)),
      nextCursor: page.older ? encodeCursor([page.older.at, page.older.id]) : null,
    },
  };
});
