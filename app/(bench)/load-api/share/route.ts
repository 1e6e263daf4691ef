// POST /load-api/share: a bulk share, as the Share dialog's server action does it
// (lib/actions/shares.ts: policy check, then `shareDevices` in one IMMEDIATE transaction),
// in plain JSON so the load test needs no server-action id. 404 unless KEYSHARE_BENCH=1.
import { revalidatePath } from "next/cache";
import { enforceSharePolicy } from "@/lib/sharing/policies/enforce";
import { shareDevices } from "@/lib/sharing/share-devices";
import { benchRoute, notFoundOutsideBench } from "../guard";

export async function POST(req: Request) {
  return benchRoute(req, async ({ db, user, body, now }) => {
    const input = (body ?? {}) as Record<string, unknown>;
    await enforceSharePolicy(db, user.id, input, now);
    const result = await shareDevices(db, { sharerId: user.id, input, now });
    revalidatePath("/shared-by-me");
    return {
      shares: result.shares.map((s) => ({
        shareId: s.shareId,
        recipientEmail: s.recipientEmail,
        token: s.token,
      })),
      skipped: result.skipped.length,
    };
  });
}

export const GET = notFoundOutsideBench;
