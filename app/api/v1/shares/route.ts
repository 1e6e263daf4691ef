import { createShares, listShares } from "@/lib/api/operations/shares";
import { apiRoute } from "@/lib/api/handler";
import { listApiShares } from "@/lib/api/queries";
import { createSharesForApi } from "@/lib/api/share-writes";
import { shareView } from "@/lib/api/views";

export const GET = apiRoute(listShares, ({ db, user, query, now }) => {
  const page = listApiShares(db, { user, ...query, now });
  const items = page.rows.map((r) =>
    query.direction === "outgoing" ? shareView(r, "outgoing") : shareView(r, "incoming", r.sharer),
  );
  return { body: { items, nextCursor: page.nextCursor } };
});

export const POST = apiRoute(createShares, ({ db, user, body, now }) => {
  const { body: created, after } = createSharesForApi(db, user, body, now);
  return { status: 201, body: created, after };
});
