import { createShares, listShares } from "@/lib/api/operations/shares";
import { apiRoute } from "@/lib/api/handler";
import { listApiShares } from "@/lib/api/queries";
import { createSharesForApi } from "@/lib/api/share-writes";
import { shareView } from "@/lib/api/views";

export const GET = apiRoute(listShares, async ({ db, user, query, now }) => {
  const page = await listApiShares(db, { user, ...query, now });
  const items = page.rows.map((r) =>
    query.direction === "outgoing" ? shareView(r, "outgoing") : shareView(r, "incoming", r.sharer),
  );
  return { body: { items, nextCursor: page.nextCursor } };
});

export const POST = apiRoute(createShares, async ({ db, user, body, now }) => {
  const { body: created, after } = await createSharesForApi(db, user, body, now);
  return { status: 201, body: created, after };
});
