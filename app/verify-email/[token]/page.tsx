import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/accounts/session";
import { verifyEmailWithToken } from "@/lib/accounts/verification";
import { currentTime } from "@/lib/platform/clock";

export const metadata: Metadata = {
  title: "Verify your email",
  referrer: "no-referrer",
  robots: { index: false },
};
export const dynamic = "force-dynamic";

/**
 * The link in the verification email. Opening it is the proof (it was sent to the address),
 * so it verifies on the visit itself, whoever is signed in here; it works once, for 24 hours.
 */
export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const verified = await verifyEmailWithToken(getDb(), token, currentTime());
  const user = await getCurrentUser();
  const next = user
    ? { href: "/shared-with-me", label: "Go to Shared with Me" }
    : { href: "/sign-in?callbackUrl=%2Fshared-with-me", label: "Sign in" };
  return (
    <div className="mx-auto max-w-md space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      {verified ? (
        <>
          <h1 className="text-2xl font-semibold">Your email is verified</h1>
          <p className="text-sm text-slate-600">
            Devices shared with this address now appear in Shared with Me.
          </p>
        </>
      ) : (
        <>
          <h1 className="text-2xl font-semibold">This verification link does not work</h1>
          <p className="text-sm text-slate-600">
            {user?.emailVerified != null
              ? "Your email address is already verified."
              : "Verification links work once, for 24 hours. Sign in and use Resend verification email on Shared with Me to get a new one."}
          </p>
        </>
      )}
      <p className="text-sm">
        <Link className="text-brand-700 underline" href={next.href}>
          {next.label}
        </Link>
      </p>
    </div>
  );
}
