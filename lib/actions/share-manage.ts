"use server";

import { transaction } from "@/db/engine";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { idSchema } from "@/lib/devices/validation";
import { eq } from "drizzle-orm";
import { authedAction } from "@/lib/request/action";
import { shares } from "@/db/schema";
import { DomainError, RateLimitedError } from "@/lib/platform/errors";
import { addDevices, cancelDevices, cancelShare, extendShare } from "@/lib/sharing/manage-share";
import { regenerateLink, renewLink } from "@/lib/sharing/lifecycle";
import { spendInvitations } from "@/lib/sharing/invite-quota";
import { LIMITS, hit } from "@/lib/platform/rate-limit";
import { linkForShare, linkUrl } from "@/lib/sharing/links/share-link";
import { notifyRecipientOfChange, notifyShared } from "@/lib/sharing/notify";
import { listAddableDevices } from "@/lib/sharing/addable-devices";
import { enforceExtensionPolicy } from "@/lib/sharing/policies/enforce";
import { getDevicesByIds } from "@/lib/devices/queries";
import { DAY } from "@/lib/platform/time";

const shareIds = z.preprocess(
  (v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v),
  z
    .array(idSchema)
    .min(1, "Select at least one share.")
    .max(1000, "Select at most 1,000 shares at once."),
);

function refresh(ids: string[]) {
  revalidatePath("/shared-by-me");
  revalidatePath("/shared-with-me");
  if (ids.length <= 20) for (const id of ids) revalidatePath(`/shared-by-me/${id}`);
}

const extendSchema = z.object({
  shareIds,
  by: z.enum(["1d", "7d", "30d", "90d", "date"], { error: "Choose how long to extend." }),
  until: z.string().max(40).optional(),
  // Minutes from the form's hidden field; z.coerce would also take true or [60].
  tzOffset: z.preprocess(
    (v) => (v === "" ? undefined : typeof v === "string" ? Number(v) : v),
    z.number({ error: "Invalid time zone offset." }).int().min(-900).max(900).optional(),
  ),
});

/** The chosen date means the end of that day in the sharer's browser time zone. */
function endOfDay(date: string | undefined, tzOffsetMinutes = 0): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? "");
  if (!m) throw new DomainError("Choose a valid date.", "until");
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d, 23, 59, 59, 999);
  // Date.UTC rolls 2027-02-30 over to March and reads years 0–99 as 1900–1999: refuse instead.
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new DomainError("Choose a valid date.", "until");
  }
  return t + tzOffsetMinutes * 60_000;
}

/** Extend one or several shares (each from its own expiry, or from now when expired). */
export const extendSharesAction = authedAction(extendSchema, async (input, { db, user, now }) => {
  const newExpiresAt = input.by === "date" ? endOfDay(input.until, input.tzOffset) : undefined;
  const extendBy =
    input.by === "date" ? undefined : { "1d": 1, "7d": 7, "30d": 30, "90d": 90 }[input.by] * DAY;
  // All or nothing: one transaction; the inner calls join it.
  const results = await transaction(db, async (tx) => {
    const out: { shareId: string; from: number; to: number }[] = [];
    for (const shareId of input.shareIds) {
      const r = await extendShare(tx, { shareId, sharerId: user.id, now, newExpiresAt, extendBy });
      await enforceExtensionPolicy(tx, user.id, r.to, now); // throws inside the transaction: nothing is extended
      out.push({ shareId, ...r });
    }
    return out;
  });
  for (const r of results) {
    const share = (await db.select().from(shares).where(eq(shares.id, r.shareId)))[0];
    if (share)
      await notifyRecipientOfChange(
        db,
        share,
        user,
        { action: "extended", from: r.from, to: r.to },
        now,
      );
  }
  refresh(input.shareIds);
  return { extended: results.length, to: results[0]?.to };
});

/** Cancel one or several whole shares. */
export const cancelSharesAction = authedAction(
  z.object({ shareIds }),
  async (input, { db, user, now }) => {
    await transaction(db, async (tx) => {
      for (const shareId of input.shareIds)
        await cancelShare(tx, { shareId, sharerId: user.id, now });
    });
    for (const shareId of input.shareIds) {
      const share = (await db.select().from(shares).where(eq(shares.id, shareId)))[0];
      if (share) await notifyRecipientOfChange(db, share, user, { action: "cancelled" }, now);
    }
    refresh(input.shareIds);
    return { cancelled: input.shareIds.length };
  },
);

const deviceIds = z.preprocess(
  (v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v),
  z.array(idSchema).min(1, "Select at least one device.").max(10_000),
);

export const cancelDevicesAction = authedAction(
  z.object({ shareId: idSchema, deviceIds }),
  async (input, { db, user, now }) => {
    const before = (await db.select().from(shares).where(eq(shares.id, input.shareId)))[0];
    const result = await cancelDevices(db, {
      shareId: input.shareId,
      sharerId: user.id,
      deviceIds: input.deviceIds,
      now,
    });
    if (before) {
      await notifyRecipientOfChange(
        db,
        before,
        user,
        result.shareCancelled
          ? { action: "cancelled" }
          : {
              action: "devices_removed",
              devices: (await getDevicesByIds(db, input.deviceIds.slice(0, 50))).map((d) => d.name),
            },
        now,
      );
    }
    refresh([input.shareId]);
    return result;
  },
);

export const addDevicesAction = authedAction(
  z.object({
    shareId: idSchema,
    deviceIds,
    services: z
      .record(z.string(), z.union([z.literal("all"), z.array(z.string().max(64)).max(200)]))
      .optional(),
  }),
  (input, { db, user, now }) => {
    const result = addDevices(db, {
      shareId: input.shareId,
      sharerId: user.id,
      deviceIds: input.deviceIds,
      services: input.services,
      now,
    });
    refresh([input.shareId]);
    return result;
  },
);

/** The pending share's link, re-derived on the server (only its hash is stored). */
export const copyLinkAction = authedAction(
  z.object({ shareId: idSchema }),
  async (input, { db, user, now }) => {
    const found = await linkForShare(db, { shareId: input.shareId, sharerId: user.id, now });
    if (!found) throw new DomainError("Only a pending share has a sharing link.");
    if (found.lapsed)
      throw new DomainError(
        "This sharing link has expired (links work for 30 days). Send the invitation again, or make a new link.",
        undefined,
        "conflict",
      );
    return { link: found.link };
  },
);

/** A new link; the old one stops working at once. */
export const regenerateLinkAction = authedAction(
  z.object({ shareId: idSchema }),
  async (input, { db, user, now }) => {
    const { token } = await regenerateLink(db, { shareId: input.shareId, sharerId: user.id, now });
    refresh([input.shareId]);
    return { link: linkUrl(token) };
  },
);

export const searchAddableDevicesAction = authedAction(
  z.object({ shareId: idSchema, q: z.string().max(200).optional() }),
  async (input, { db, user }) => {
    // Only the sharer's own share: anyone else learns nothing.
    const share = (
      await db
        .select({ sharerId: shares.sharerId })
        .from(shares)
        .where(eq(shares.id, input.shareId))
    )[0];
    if (!share || share.sharerId !== user.id)
      throw new DomainError("Share not found.", undefined, "not_found");
    return listAddableDevices(db, {
      ownerId: user.id,
      shareId: input.shareId,
      text: input.q,
      limit: 100,
    });
  },
);

/**
 * Sends the invitation email again with the same link, which works for another 30 days from
 * now. At most once a minute per share, and it counts against the sharer's daily invitations.
 */
export const resendInvitationAction = authedAction(
  z.object({ shareId: idSchema }),
  async (input, { db, user, now }) => {
    // Ownership first: nobody else's attempts may use up the share's resend allowance.
    const found = await linkForShare(db, { shareId: input.shareId, sharerId: user.id, now });
    if (!found) throw new DomainError("Only a pending share can be sent again.");
    const r = await hit(db, `resend:share:${input.shareId}`, LIMITS.invitationResendPerShare, now);
    if (!r.ok)
      throw new RateLimitedError(
        `This invitation was sent a moment ago. You can send it again in ${r.retryAfterS} s.`,
        r.retryAfterS,
      );
    await transaction(db, async (tx) => {
      await spendInvitations(tx, user.id, 1, now);
      await renewLink(tx, { shareId: input.shareId, sharerId: user.id, now });
    });
    const share = (await db.select().from(shares).where(eq(shares.id, input.shareId)))[0]!;
    await notifyShared(
      db,
      user,
      [{ shareId: share.id, recipientEmail: share.recipientEmail, link: found.link }],
      now,
    );
    refresh([share.id]);
    return { sent: true };
  },
);
