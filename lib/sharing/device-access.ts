import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { groups, shareItems, shares, users } from "@/db/schema";
import { parsePermissions, presetOf, type Operation, type PresetName } from "./permissions";
import { effectiveStatusSql, liveSql, type EffectiveStatus } from "./status";

export type DeviceAccessRow = {
  shareId: string;
  recipientEmail: string;
  recipientName: string | null;
  status: EffectiveStatus;
  permissions: Operation[];
  preset: PresetName | "Custom";
  expiresAt: number | null;
  allServices: boolean;
};

/** For the owner's device page: everyone who holds the device now (pending or active). */
export async function listDeviceAccess(
  db: Db,
  q: { ownerId: string; deviceId: string; now: number },
): Promise<DeviceAccessRow[]> {
  return (
    await db
      .select({
        shareId: shares.id,
        recipientEmail: shares.recipientEmail,
        recipientName: users.name,
        groupName: groups.name,
        status: effectiveStatusSql(q.now),
        permissions: shares.permissions,
        expiresAt: shares.expiresAt,
        serviceIds: shareItems.serviceIds,
      })
      .from(shareItems)
      .innerJoin(shares, eq(shares.id, shareItems.shareId))
      .leftJoin(users, eq(users.email, shares.recipientEmail))
      .leftJoin(groups, eq(groups.id, shares.groupId))
      .where(
        and(
          eq(shareItems.deviceId, q.deviceId),
          eq(shares.sharerId, q.ownerId),
          isNull(shareItems.removedAt),
          liveSql(q.now),
        ),
      )
      .orderBy(asc(shares.recipientEmail))
  ).map(({ serviceIds, permissions, groupName, ...r }) => {
    const ops = parsePermissions(permissions);
    // A group share is one line, named by its group (its members are on Who has access).
    const who =
      groupName != null ? { recipientName: `Group ${groupName}`, recipientEmail: "" } : {};
    return {
      ...r,
      ...who,
      permissions: ops,
      preset: presetOf(ops),
      allServices: serviceIds == null,
    };
  });
}
