import { createDevice as createDeviceOp, listDevices } from "@/lib/api/operations/devices";
import { apiRoute } from "@/lib/api/handler";
import { listApiDevices } from "@/lib/api/queries";
import { deviceView } from "@/lib/api/views";
import { createDevice } from "@/lib/devices/mutations";
import { deviceInputSchema } from "@/lib/devices/validation";

export const GET = apiRoute(listDevices, async ({ db, user, query }) => {
  const page = await listApiDevices(db, { ownerId: user.id, ...query });
  return { body: { items: page.rows.map(deviceView), nextCursor: page.nextCursor } };
});

export const POST = apiRoute(createDeviceOp, async ({ db, user, body, now }) => {
  // The portal's own device rules (names, hardware id shape, kinds, group normalising).
  const input = deviceInputSchema.parse(body);
  const device = await createDevice(db, user.id, input, now);
  return { status: 201, body: { ...deviceView(device), services: [] } };
});
