import { addDevicesOp } from "@/lib/api/operations/shares";
import { shareActionRoute } from "@/lib/api/share-action-route";
import { addDevicesForApi } from "@/lib/api/share-writes";

export const POST = shareActionRoute(addDevicesOp, ({ db, user, shareId, body, now }) =>
  addDevicesForApi(db, user, shareId, body as Parameters<typeof addDevicesForApi>[3], now),
);
