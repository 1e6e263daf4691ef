import "server-only";
import type { Db } from "@/db/client";
import { devices } from "@/db/schema";
import { eq } from "drizzle-orm";
import { DomainError, NotFoundError } from "@/lib/platform/errors";
import { newId } from "@/lib/platform/ids";
import { shareEvents, shares } from "@/db/schema";
import { checkAccess } from "./check";
import { describeAccess } from "./describe";
import type { Operation } from "./evaluate";

const HIDDEN = new Set(["not_shared", "expired", "cancelled"]);

/**
 * Carries out an operation on a device for whoever calls, through the access check only.
 * A recipient's use is written to the share's activity, so the sharer can audit it.
 */
export function performOperation(
  db: Db,
  q: {
    user: { id: string; name: string };
    deviceId: string;
    operation: Operation;
    serviceId?: string | null;
    now: number;
  },
): { message: string } {
  const result = checkAccess(db, {
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
  const device = db
    .select({ name: devices.name })
    .from(devices)
    .where(eq(devices.id, q.deviceId))
    .get();
  if (!device) throw new NotFoundError("Device not found.");
  if (result.reason === "shared" && result.shareId) {
    const share = db
      .select({ sharerId: shares.sharerId })
      .from(shares)
      .where(eq(shares.id, result.shareId))
      .get();
    db.insert(shareEvents)
      .values({
        id: newId(),
        shareId: result.shareId,
        sharerId: share!.sharerId,
        actorId: q.user.id,
        type: "device_used",
        data: JSON.stringify({
          device: device.name,
          operation: q.operation,
          serviceId: q.serviceId ?? null,
        }),
        createdAt: q.now,
      })
      .run();
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
