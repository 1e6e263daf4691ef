import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { resetTokenUsable } from "@/lib/accounts/password-reset";
import { currentTime } from "@/lib/platform/clock";

export const metadata: Metadata = {
  title: "Set a new password",
  referrer: "no-referrer",
  robots: { index: false },
};
export const dynamic = "force-dynamic";

/** The emailed reset link. Looking at it spends nothing; only setting the password does. */
export default async function ResetPasswordPage({
  params,
}: {
  params: Promise<{ token: string }>;
}) {
  const { token } = await params;
  const usable = await resetTokenUsable(getDb(), token, currentTime());
  return (
    <div className="mx-auto max-w-sm space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      {usable ? (
        <>
          <h1 className="text-2xl font-semibold">Set a new password</h1>
          <ResetPasswordForm token={token} />
        </>
      ) : (
        <>
          <h1 className="text-2xl font-semibold">This reset link does not work</h1>
          <p className="text-sm text-slate-600">
            Reset links work once, for 1 hour. This one has expired, was already used, or was
            replaced when you set a new password.
          </p>
          <p className="text-sm">
            <Link className="text-brand-700 underline" href="/forgot-password">
              Ask for a new reset link
            </Link>
          </p>
        </>
      )}
    </div>
  );
}
