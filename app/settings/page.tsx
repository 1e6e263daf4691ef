import type { Metadata } from "next";
import Link from "next/link";
import { PolicyForm } from "@/components/settings/policy-form";
import { pageContext } from "@/lib/request/page-context";
import { getSharingPolicy } from "@/lib/sharing/policies/store";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const { user, db } = await pageContext("/settings");
  const policy = await getSharingPolicy(db, user.id);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Sharing policies</h1>
        <p className="text-sm text-slate-600">
          Rules for every share you make from now on. Existing shares keep their expiry and
          recipients.
        </p>
      </div>
      <PolicyForm policy={policy} />
      <nav aria-label="More settings" className="flex flex-wrap gap-4 text-sm">
        <Link href="/settings/api" className="inline-flex min-h-11 items-center">
          API tokens
        </Link>
        <Link href="/settings/webhooks" className="inline-flex min-h-11 items-center">
          Webhooks
        </Link>
      </nav>
    </div>
  );
}
