import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { checkAccessOp } from "@/lib/api/operations/access";
import { apiRoute } from "@/lib/api/handler";
import { iso } from "@/lib/api/cursor";
import { checkAccess } from "@/lib/access/check";
import { getOwnedDevice } from "@/lib/devices/queries";
import { NotFoundError } from "@/lib/platform/errors";

// Owner only: asking about someone else's device is a 404, as in the portal.
export const GET = apiRoute(checkAccessOp, async ({ db, user, query, now }) => {
  const device = await getOwnedDevice(db, user.id, query.deviceId);
  if (!device) throw new NotFoundError("Device not found.");
  if (query.service && !device.services.some((s) => s.id === query.service))
    throw new NotFoundError("Service not found on this device.");
  const email = query.email.trim().toLowerCase();
  const person = (await db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0];
  if (!person) return { body: { allowed: false, reason: "not_shared" } };
  const at = query.at ? Date.parse(query.at) : now;
  const r = await checkAccess(db, {
    userId: person.id,
    deviceId: device.id,
    operation: query.operation,
    serviceId: query.service ?? null,
    now: at,
  });
  return {
    body: {
      allowed: r.allowed,
      reason: r.reason,
      ...(r.shareId ? { shareId: r.shareId } : {}),
      ...(r.via ? { via: r.via } : {}),
      ...(r.overrides?.length ? { overrides: r.overrides } : {}),
      ...(!r.allowed && r.until != null ? { until: iso(r.until)! } : {}),
    },
  };
});
