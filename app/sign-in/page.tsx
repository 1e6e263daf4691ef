import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getCurrentUser, safeReturnPath } from "@/lib/accounts/session";
import { currentTime } from "@/lib/platform/clock";
import { invitedEmailForReturnPath } from "@/lib/sharing/links/invited-email";
import { maskEmail } from "@/lib/sharing/links/mask-email";

export const metadata: Metadata = { title: "Sign in" };

const NOTICES: Record<string, string> = {
  reset:
    "Your password was changed and every session was signed out. Sign in with the new password.",
  everywhere: "You were signed out on every device.",
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { callbackUrl, reset, signedOut } = await searchParams;
  const back = safeReturnPath(callbackUrl);
  if (await getCurrentUser()) redirect(back);
  // From a sharing link: say which address it was sent to, masked (the link may have been forwarded).
  const invited = await invitedEmailForReturnPath(getDb(), back, currentTime());
  const notice = reset
    ? NOTICES.reset
    : signedOut === "everywhere"
      ? NOTICES.everywhere
      : undefined;
  return (
    <div className="mx-auto max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="mb-4 text-2xl font-semibold">Sign in</h1>
      {notice ? (
        <p role="status" className="mb-4 rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {notice}
        </p>
      ) : null}
      <SignInForm
        callbackUrl={back}
        invitedHint={invited ? `The invitation was sent to ${maskEmail(invited)}.` : undefined}
      />
    </div>
  );
}
