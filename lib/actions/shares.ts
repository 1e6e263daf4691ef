"use server";

import { transaction } from "@/db/engine";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction, Refusal, type ActionState } from "@/lib/request/action";
import { idSchema } from "@/lib/devices/validation";
import { getDevicesServices } from "@/lib/devices/services";
import { matchingDeviceIds } from "@/lib/devices/queries";
import { ShareConflictError } from "@/lib/sharing/share-store";
import { shareDevices } from "@/lib/sharing/share-devices";
import { enforceSharePolicy } from "@/lib/sharing/policies/enforce";
import { cancelShare } from "@/lib/sharing/manage-share";
import { ShareValidationError } from "@/lib/sharing/validation";
import { linkUrl } from "@/lib/sharing/links/share-link";
import { notifyShared } from "@/lib/sharing/notify";
import { spendInvitations } from "@/lib/sharing/invite-quota";
import { notifyGroupMembers } from "@/lib/groups/notify";
import { groupMemberTotal } from "@/lib/groups/store";

export type ConflictView = {
  deviceId: string;
  deviceName: string;
  recipientEmail: string;
  shareId: string;
  /** A member of this chosen group already holds the device directly (direct beats group). */
  groupName?: string;
};
export type ShareDevicesData = {
  shares: { shareId: string; recipientEmail: string; link: string }[];
  skipped: { deviceName: string; recipientEmail: string }[];
  notified: boolean;
  /** One share per chosen group: members have access at once, without a link to accept. */
  groupShares?: { shareId: string; groupName: string }[];
};
/** On a conflict, `data` names the pairs already shared (the dialog offers to skip them). */
export type ShareDevicesState = ActionState<ShareDevicesData | { conflicts: ConflictView[] }>;

// Loose on purpose: the domain parses the share input with its own, clock-aware schema.
const shareRequestSchema = z
  .object({
    deviceIds: z
      .array(z.string().max(64))
      .max(100_000, "Too many devices in one request.")
      .optional(),
    replaceShareId: idSchema.optional(),
    filter: z
      .object({ q: z.string().max(200).optional(), group: z.string().max(200).optional() })
      .optional(),
  })
  .passthrough();

/** Bulk share: N devices (by id, or every device matching a filter) × M recipients, one transaction. */
export const shareDevicesAction = authedAction(
  shareRequestSchema,
  async (input, { db, user, now }) => {
    try {
      const { filter, replaceShareId, ...rest } = input;
      const deviceIds = filter
        ? await matchingDeviceIds(db, { ownerId: user.id, ...filter })
        : (rest.deviceIds ?? []);
      await enforceSharePolicy(db, user.id, { ...rest, deviceIds }, now);
      // "Cancel and share again": both or neither, so the recipient never loses access in between.
      // IMMEDIATE like writeTx: deferred, the inner transactions become savepoints that read
      // first and fail with "database is locked" when another writer got there in between.
      const notify = (rest as { notify?: unknown }).notify === true;
      const result = await transaction(db, async (tx) => {
        if (replaceShareId)
          await cancelShare(tx, { shareId: replaceShareId, sharerId: user.id, now });
        const shared = await shareDevices(tx, {
          sharerId: user.id,
          input: { ...rest, deviceIds },
          now,
        });
        // Over the daily invitation emails: nothing is shared (the count rolls back too).
        const members = await groupMemberTotal(tx, shared.groupShares);
        if (notify) await spendInvitations(tx, user.id, shared.shares.length + members, now);
        return shared;
      });
      if (notify)
        await notifyShared(
          db,
          user,
          result.shares.map((s) => ({ ...s, link: linkUrl(s.token) })),
          now,
        );
      if (notify) {
        for (const g of result.groupShares)
          await notifyGroupMembers(db, user, { groupId: g.groupId, shareIds: [g.shareId], now });
      }
      // Not when sharing again: the action's answer would carry a fresh render of the page it
      // came from, the cancelled share's share-again page, a 404 before the result is shown.
      // /shared-by-me is dynamic and read afresh on the next visit anyway.
      if (!replaceShareId) revalidatePath("/shared-by-me");
      const data: ShareDevicesData = {
        shares: result.shares.map((s) => ({
          shareId: s.shareId,
          recipientEmail: s.recipientEmail,
          link: linkUrl(s.token),
        })),
        skipped: result.skipped.map((s) => ({
          deviceName: s.deviceName,
          recipientEmail: s.recipientEmail,
        })),
        notified: notify,
        groupShares: result.groupShares.map((g) => ({
          shareId: g.shareId,
          groupName: g.groupName,
        })),
      };
      return data;
    } catch (e) {
      // Every field's message (schedule ones under "schedule.weekdays"…) and the conflicting pairs.
      if (e instanceof ShareValidationError)
        throw new Refusal(
          e.formErrors[0] ?? "Please correct the highlighted fields. Nothing was shared.",
          e.fieldErrors,
        );
      if (e instanceof ShareConflictError)
        throw new Refusal(e.message, undefined, { conflicts: e.conflicts as ConflictView[] });
      throw e;
    }
  },
);

export const listServicesAction = authedAction(
  z.object({ deviceIds: z.array(z.string().max(64)).max(200) }),
  (input, { db, user }) => getDevicesServices(db, user.id, input.deviceIds),
);
