import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getCurrentUser, safeReturnPath } from "@/lib/accounts/session";
import { getDb } from "@/db/client";
import { currentTime } from "@/lib/platform/clock";
import { invitedEmailForReturnPath } from "@/lib/sharing/links/invited-email";

export const metadata: Metadata = { title: "Sign up" };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { callbackUrl } = await searchParams;
  const back = safeReturnPath(callbackUrl);
  if (await getCurrentUser()) redirect(back);
  const lockedEmail = await invitedEmailForReturnPath(getDb(), back, currentTime());
  return (
    <div className="mx-auto max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="mb-4 text-2xl font-semibold">Create your account</h1>
      <SignUpForm callbackUrl={back} lockedEmail={lockedEmail} />
    </div>
  );
}
