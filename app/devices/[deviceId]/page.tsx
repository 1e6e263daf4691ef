import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeviceAccessList } from "@/components/devices/device-access-list";
import { OwnerDeviceView } from "@/components/devices/owner-device-view";
import { RecipientDeviceView } from "@/components/devices/recipient-device-view";
import { getRecipientDeviceView } from "@/lib/access/recipient-device";
import { pageContext } from "@/lib/request/page-context";
import { getOwnedDevice, listGroups } from "@/lib/devices/queries";
import { listDeviceAccess } from "@/lib/sharing/device-access";

export const metadata: Metadata = { title: "Device" };

export default async function DevicePage({ params }: { params: Promise<{ deviceId: string }> }) {
  const { deviceId } = await params;
  const { user, db, now } = await pageContext(`/devices/${encodeURIComponent(deviceId)}`);
  const device = await getOwnedDevice(db, user.id, deviceId);
  if (device) {
    const access = await listDeviceAccess(db, { ownerId: user.id, deviceId, now });
    return (
      <OwnerDeviceView
        device={device}
        groups={await listGroups(db, user.id)}
        accessSection={<DeviceAccessList rows={access} />}
      />
    );
  }
  // Not the owner: only the access check decides what, if anything, exists here.
  const view = await getRecipientDeviceView(db, { userId: user.id, deviceId, now });
  if (!view) notFound();
  return <RecipientDeviceView view={view} now={now} />;
}
