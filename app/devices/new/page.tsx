import type { Metadata } from "next";
import Link from "next/link";
import { DeviceForm } from "@/components/devices/device-form";
import { pageContext } from "@/lib/request/page-context";
import { listGroups } from "@/lib/devices/queries";

export const metadata: Metadata = { title: "Add device" };

export default async function NewDevicePage() {
  const { user, db } = await pageContext("/devices/new");
  return (
    <div className="mx-auto max-w-lg space-y-4">
      <Link href="/devices" className="text-sm text-brand-700 underline">
        Back to my devices
      </Link>
      <h1 className="text-2xl font-semibold">Add a device</h1>
      <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <DeviceForm groups={await listGroups(db, user.id)} />
      </div>
    </div>
  );
}
