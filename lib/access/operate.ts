import "server-only";
import { transaction, type Db } from "@/db/client";
import { devices, shares } from "@/db/schema";
import { eq } from "drizzle-orm";
import { DomainError, NotFoundError } from "@/lib/platform/errors";
import { recordEvent } from "@/lib/activity/events";
import { checkAccess } from "./check";
import { describeAccess } from "./describe";
import type { Operation } from "./evaluate";

const HIDDEN = new Set(["not_shared", "expired", "cancelled"]);

/**
 * Carries out an operation on a device for whoever calls, through the access check only.
 * A recipient's use is written to the share's activity, so the sharer can audit it.
 */
export async function performOperation(
  db: Db,
  q: {
    user: { id: string; name: string };
    deviceId: string;
    operation: Operation;
    serviceId?: string | null;
    now: number;
  },
): Promise<{ message: string }> {
  const result = await checkAccess(db, {
    userId: q.user.id,
    deviceId: q.deviceId,
    operation: q.operation,
    serviceId: q.serviceId,
    now: q.now,
  });
  if (!result.allowed) {
    if (HIDDEN.has(result.reason)) throw new NotFoundError("Device not found.");
    throw new DomainError(
      describeAccess(result, { operation: q.operation, now: q.now }),
      undefined,
      "forbidden",
    );
  }
  const device = (
    await db.select({ name: devices.name }).from(devices).where(eq(devices.id, q.deviceId))
  )[0];
  if (!device) throw new NotFoundError("Device not found.");
  if (result.reason === "shared" && result.shareId) {
    const share = (
      await db
        .select({ sharerId: shares.sharerId })
        .from(shares)
        .where(eq(shares.id, result.shareId))
    )[0];
    const shareId = result.shareId;
    await transaction(db, (tx) =>
      recordEvent(tx, {
        shareId,
        sharerId: share!.sharerId,
        actorId: q.user.id,
        type: "device_used",
        data: { device: device.name, operation: q.operation, serviceId: q.serviceId ?? null },
        now: q.now,
      }),
    );
  }
  const what = {
    view: "Viewed",
    operate: "Operated",
    configure: "Configured",
    scripts: "Ran a script on",
    remote: "Opened a remote session to",
  }[q.operation];
  return { message: `${what} ${device.name}.` };
}
