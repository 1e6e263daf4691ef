import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { devices, services, shares, users } from "@/db/schema";
import { accessForDevice } from "./check";
import type { AccessResult, Operation } from "./evaluate";

// Reasons a recipient with a current share can be told about; anything else is a 404.
const SHOWN_WHEN_DENIED = new Set(["not_started", "outside_window", "suspended"]);

export type RecipientDeviceView = {
  device: { id: string; name: string; kind: string; groupPath: string; hardwareId: string | null };
  sharer: { name: string; email: string };
  shareId: string;
  access: Record<Operation, AccessResult>;
  /** Only the shared services, and only while the recipient may view the device now. */
  services: { id: string; name: string; kind: string; port: number }[];
};

/**
 * The device as a recipient may see it right now, built on the access check. Null (404)
 * for everyone without a current share: no hint that the device exists.
 */
export async function getRecipientDeviceView(
  db: Db,
  q: { userId: string; deviceId: string; now: number },
): Promise<RecipientDeviceView | null> {
  const access = await accessForDevice(db, q);
  const view = access.view;
  if (view.allowed ? view.reason !== "shared" : !SHOWN_WHEN_DENIED.has(view.reason)) return null;
  const shareId = view.shareId;
  if (!shareId) return null;
  const device = (await db.select().from(devices).where(eq(devices.id, q.deviceId)))[0];
  const sharer = (
    await db
      .select({ name: users.name, email: users.email })
      .from(shares)
      .innerJoin(users, eq(users.id, shares.sharerId))
      .where(eq(shares.id, shareId))
  )[0];
  if (!device || !sharer) return null;
  const visible = view.allowed
    ? (
        await db
          .select({
            id: services.id,
            name: services.name,
            kind: services.kind,
            port: services.port,
          })
          .from(services)
          .where(eq(services.deviceId, device.id))
          .orderBy(asc(services.port))
      ).filter((s) => view.serviceIds === null || view.serviceIds.includes(s.id))
    : [];
  return {
    device: {
      id: device.id,
      name: device.name,
      kind: device.kind,
      groupPath: device.groupPath,
      hardwareId: view.allowed ? device.hardwareId : null,
    },
    sharer,
    shareId,
    access,
    services: visible,
  };
}
