// GET /shares/{id}: the sharer's view, or the recipient's, or 404 for anyone else, through
// the same loaders as the portal's share pages.
import { type Conn } from "@/db/engine";
import type { User } from "@/db/schema";
import { NotFoundError } from "@/lib/platform/errors";
import { getShareForRecipient, getShareForSharer } from "@/lib/sharing/share-details";
import { eventView, itemView, shareView } from "./views";

export async function loadApiShare(db: Conn, user: User, shareId: string, now: number) {
  const own = await getShareForSharer(db, { shareId, sharerId: user.id, now });
  if (own) {
    return {
      ...shareView(own, "outgoing"),
      devices: own.items.map(itemView),
      activity: own.events.map((e) => eventView(own.share.id, e)),
    };
  }
  const got = await getShareForRecipient(db, { shareId, user, now });
  if (!got) throw new NotFoundError("Share not found.");
  return { ...shareView(got, "incoming", got.sharer), devices: got.items.map(itemView) };
}
