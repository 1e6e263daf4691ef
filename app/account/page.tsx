import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { ResendVerification } from "@/components/account/resend-verification";
import { SignOutEverywhere } from "@/components/account/sign-out-everywhere";
import { requireUser } from "@/lib/accounts/session";
import { param, type SearchParams } from "@/lib/request/search-params";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const user = await requireUser("/account");
  const sp = await searchParams;
  const notice = param(sp, "changed")
    ? "Password changed. You were signed out everywhere else, and your API tokens were revoked."
    : param(sp, "reset")
      ? "New password set. You were signed out everywhere else, and your API tokens were revoked."
      : null;
  return (
    <div className="mx-auto max-w-lg space-y-6">
      <h1 className="text-2xl font-semibold">Account</h1>
      <p className="break-words text-sm text-slate-600">
        {user.name} · {user.email} ·{" "}
        {user.emailVerified != null ? "email verified" : "email not verified yet"}
      </p>
      {notice ? (
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {notice}
        </p>
      ) : null}
      {user.emailVerified == null ? (
        <section
          aria-labelledby="verify-h"
          className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 sm:p-6"
        >
          <h2 id="verify-h" className="text-lg font-semibold">
            Verify your email
          </h2>
          <p className="text-sm text-slate-600">
            Shares sent to {user.email} show up in Shared with Me once you open the link we emailed
            you.
          </p>
          <ResendVerification variant="secondary" />
        </section>
      ) : null}
      <section
        aria-labelledby="pw-h"
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 sm:p-6"
      >
        <h2 id="pw-h" className="text-lg font-semibold">
          Change password
        </h2>
        <ChangePasswordForm />
      </section>
      <section
        aria-labelledby="sessions-h"
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 sm:p-6"
      >
        <h2 id="sessions-h" className="text-lg font-semibold">
          Sessions
        </h2>
        <p className="text-sm text-slate-600">
          Signs this browser and every other one out at once, for example after using a shared
          computer or losing a phone.
        </p>
        <SignOutEverywhere />
      </section>
    </div>
  );
}
