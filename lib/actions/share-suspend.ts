"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { idSchema } from "@/lib/devices/validation";
import { authedAction } from "@/lib/request/action";
import { resumeShare, suspendShare } from "@/lib/sharing/suspend";

const input = z.object({ shareId: idSchema });

function refresh(shareId: string) {
  revalidatePath("/shared-by-me");
  revalidatePath(`/shared-by-me/${shareId}`);
  revalidatePath("/shared-with-me");
  revalidatePath("/access");
}

/** Pauses the recipient's access; the share keeps its devices, permissions and expiry. */
export const suspendShareAction = authedAction(input, async ({ shareId }, { db, user, now }) => {
  await suspendShare(db, { shareId, sharerId: user.id, now });
  refresh(shareId);
  return { suspended: true };
});

export const resumeShareAction = authedAction(input, async ({ shareId }, { db, user, now }) => {
  await resumeShare(db, { shareId, sharerId: user.id, now });
  refresh(shareId);
  return { resumed: true };
});
