"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { idSchema } from "@/lib/devices/validation";
import { authedAction } from "@/lib/request/action";
import {
  acceptLink,
  acceptShare,
  declineLink,
  declineShare,
  leaveShare,
} from "@/lib/sharing/lifecycle";
import { notifySharerOfResponse } from "@/lib/sharing/notify";
import { isGroupShareOf, leaveGroupShare } from "@/lib/groups/group-shares";

const shareId = z.object({ shareId: idSchema });
const token = z.object({ token: z.string().min(1).max(200) });

function refresh(id: string) {
  revalidatePath("/shared-with-me");
  revalidatePath(`/shared-with-me/${id}`);
  revalidatePath("/shared-by-me");
}

export const acceptShareAction = authedAction(shareId, async (input, { db, user, now }) => {
  const share = await acceptShare(db, { shareId: input.shareId, user, now });
  await notifySharerOfResponse(db, share, user, "accepted", now);
  refresh(share.id);
  return { shareId: share.id };
});

export const declineShareAction = authedAction(shareId, async (input, { db, user, now }) => {
  const share = await declineShare(db, { shareId: input.shareId, user, now });
  await notifySharerOfResponse(db, share, user, "declined", now);
  refresh(share.id);
  return { shareId: share.id };
});

export const leaveShareAction = authedAction(shareId, async (input, { db, user, now }) => {
  // A group share is left by one member for themselves (lib/groups); any other, as a whole.
  const share = (await isGroupShareOf(db, input.shareId, user))
    ? await leaveGroupShare(db, { shareId: input.shareId, user, now })
    : await leaveShare(db, { shareId: input.shareId, user, now });
  await notifySharerOfResponse(db, share, user, "left", now);
  refresh(share.id);
  return { shareId: share.id };
});

/** Accepting through the link ends in the same state as accepting in Shared with Me. */
export const acceptLinkAction = authedAction(token, async (input, { db, user, now }) => {
  const share = await acceptLink(db, { token: input.token, user, now });
  await notifySharerOfResponse(db, share, user, "accepted", now);
  refresh(share.id);
  // Straight to the share: the link page itself now only says "already used".
  redirect(`/shared-with-me/${share.id}`);
});

export const declineLinkAction = authedAction(token, async (input, { db, user, now }) => {
  const share = await declineLink(db, { token: input.token, user, now });
  await notifySharerOfResponse(db, share, user, "declined", now);
  refresh(share.id);
  redirect("/shared-with-me");
});
