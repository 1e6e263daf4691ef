import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { requireUser } from "@/lib/auth/session";
import { param, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser("/account");
  const changed = param(await searchParams, "changed");
  return (
    <div className="mx-auto max-w-lg space-y-6">
      <h1 className="text-2xl font-semibold">Account</h1>
      <p className="text-sm text-slate-600">
        {user.name} · {user.email}
      </p>
      {changed ? (
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          Password changed. You were signed out everywhere else.
        </p>
      ) : null}
      <section aria-labelledby="pw-h" className="space-y-3 rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="pw-h" className="text-lg font-semibold">Change password</h2>
        <ChangePasswordForm />
      </section>
    </div>
  );
}
