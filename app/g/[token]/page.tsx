import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { LinkGone } from "@/components/links/link-gone";
import { buttonStyles } from "@/components/ui/button-styles";
import { getCurrentUser } from "@/lib/accounts/session";
import { resolveMemberLink } from "@/lib/groups/notify";
import { maskEmail } from "@/lib/sharing/links/link-state";

export const metadata: Metadata = {
  title: "Group invitation",
  referrer: "no-referrer",
  robots: { index: false },
};

/**
 * A group member's link: nothing to accept (members have access through the group), only
 * an account to make. Signing up or in from here proves the member's address.
 */
export default async function GroupLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const member = await resolveMemberLink(getDb(), token);
  if (!member) return <LinkGone state="invalid" />;
  const user = await getCurrentUser();
  const back = encodeURIComponent(`/g/${token}`);
  const mine = user?.email === member.email;
  return (
    <article className="mx-auto max-w-2xl space-y-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <header className="space-y-1">
        <h1 className="text-xl font-semibold sm:text-2xl">
          {member.sharerName} added you to the group {member.groupName}
        </h1>
        <p className="text-sm text-slate-600">
          From {member.sharerEmail} to {mine ? member.email : maskEmail(member.email)}
        </p>
      </header>
      <p className="text-sm">
        Devices shared with the group are yours to use for as long as you are in it: there is
        nothing to accept.
      </p>
      {!user ? (
        <div className="space-y-2">
          <p className="text-sm">
            Sign up or sign in with the address this invitation was sent to.
          </p>
          <div className="flex gap-2 *:flex-1 sm:*:flex-none">
            <Link href={`/sign-up?callbackUrl=${back}`} className={buttonStyles.primary}>
              Sign up
            </Link>
            <Link href={`/sign-in?callbackUrl=${back}`} className={buttonStyles.secondary}>
              Sign in
            </Link>
          </div>
        </div>
      ) : mine && user.emailVerified != null ? (
        <Link href="/shared-with-me" className={buttonStyles.primary}>
          Open Shared with Me
        </Link>
      ) : mine ? (
        <p className="text-sm">
          Verify your email address to see the group&apos;s devices: open the verification email, or
          sign out and sign in again through this link.
        </p>
      ) : (
        <p className="text-sm">
          This invitation was sent to another address ({maskEmail(member.email)}). Sign out and sign
          in with that address to see the devices.
        </p>
      )}
    </article>
  );
}
