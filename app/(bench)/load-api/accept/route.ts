// POST /load-api/accept {shareId}: the recipient accepts, as acceptShareAction does it
// (lib/actions/share-respond.ts: `acceptShare`, then the sharer is told). 404 unless KEYSHARE_BENCH=1.
import { revalidatePath } from "next/cache";
import { DomainError } from "@/lib/platform/errors";
import { notifySharerOfResponse } from "@/lib/sharing/notify";
import { acceptShare } from "@/lib/sharing/lifecycle";
import { benchRoute, notFoundOutsideBench } from "../guard";

export async function POST(req: Request) {
  return benchRoute(req, async ({ db, user, body, now }) => {
    const shareId = (body as { shareId?: unknown } | null)?.shareId;
    if (typeof shareId !== "string" || !shareId || shareId.length > 64)
      throw new DomainError("shareId required", "shareId");
    const share = await acceptShare(db, { shareId, user, now });
    await notifySharerOfResponse(db, share, user, "accepted", now);
    revalidatePath("/shared-with-me");
    revalidatePath(`/shared-with-me/${share.id}`);
    revalidatePath("/shared-by-me");
    return { shareId: share.id, status: share.status };
  });
}

export const GET = notFoundOutsideBench;
