import { and, asc, eq, isNull, notExists, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { devices, shareItems } from "@/db/schema";
import { ilike, likePattern } from "@/db/engine";

/** The owner's own, non-demo devices that are not (or no longer) in the share. */
export async function listAddableDevices(
  db: Db,
  q: { ownerId: string; shareId: string; text?: string; limit?: number },
) {
  const text = q.text?.trim();
  return await db
    .select({
      id: devices.id,
      name: devices.name,
      groupPath: devices.groupPath,
      hardwareId: devices.hardwareId,
      serviceCount: sql<number>`(select count(*) from services sv where sv.device_id = "devices"."id")`,
    })
    .from(devices)
    .where(
      and(
        eq(devices.ownerId, q.ownerId),
        eq(devices.demo, false),
        notExists(
          db
            .select({ one: sql`1` })
            .from(shareItems)
            .where(
              and(
                eq(shareItems.shareId, q.shareId),
                eq(shareItems.deviceId, devices.id),
                isNull(shareItems.removedAt),
              ),
            ),
        ),
        text ? ilike(devices.name, likePattern(text)) : undefined,
      ),
    )
    .orderBy(asc(devices.name))
    .limit(q.limit ?? 100);
}
