import { getDevice } from "@/lib/api/operations/devices";
import { apiRoute } from "@/lib/api/handler";
import { deviceView, serviceView } from "@/lib/api/views";
import { getOwnedDevice } from "@/lib/devices/queries";
import { NotFoundError } from "@/lib/platform/errors";

export const GET = apiRoute(getDevice, async ({ db, user, params }) => {
  const device = await getOwnedDevice(db, user.id, params.id);
  if (!device) throw new NotFoundError("Device not found.");
  return { body: { ...deviceView(device), services: device.services.map(serviceView) } };
});
