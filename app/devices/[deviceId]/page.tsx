import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { OwnerDeviceView } from "@/components/devices/owner-device-view";
import { requireUser } from "@/lib/auth/session";
import { getOwnedDevice, listGroups } from "@/lib/devices/queries";

export const metadata: Metadata = { title: "Device" };

export default async function DevicePage({ params }: { params: Promise<{ deviceId: string }> }) {
  const { deviceId } = await params;
  const user = await requireUser(`/devices/${encodeURIComponent(deviceId)}`);
  const db = getDb();
  const device = getOwnedDevice(db, user.id, deviceId);
  if (!device) notFound();
  return <OwnerDeviceView device={device} groups={listGroups(db, user.id)} />;
}
