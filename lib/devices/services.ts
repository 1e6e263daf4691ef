import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { devices, services } from "@/db/schema";

/** Services of the caller's own devices only: other ids are silently absent. */
export async function getDevicesServices(db: Db, ownerId: string, deviceIds: string[]) {
  if (deviceIds.length === 0) return [];
  return await db
    .select({
      id: services.id,
      deviceId: services.deviceId,
      name: services.name,
      kind: services.kind,
      port: services.port,
    })
    .from(services)
    .innerJoin(devices, eq(devices.id, services.deviceId))
    .where(and(eq(devices.ownerId, ownerId), inArray(services.deviceId, deviceIds)))
    .orderBy(asc(services.port));
}
