import type { Metadata } from "next";
import Link from "next/link";
import { ImportForm } from "@/components/devices/import-form";
import { requireUser } from "@/lib/accounts/session";

export const metadata: Metadata = { title: "Import devices" };

export default async function ImportDevicesPage() {
  await requireUser("/devices/import");
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link href="/devices" className="text-sm text-brand-700 underline">
        Back to my devices
      </Link>
      <h1 className="text-2xl font-semibold">Import devices</h1>
      <p className="text-sm text-slate-600">
        Up to 10,000 devices at once. If any line has a problem, nothing is imported and each bad
        line is listed by number.
      </p>
      <div className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <ImportForm />
      </div>
    </div>
  );
}
