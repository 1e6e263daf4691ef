import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { LinkGone } from "@/components/links/link-gone";
import { LinkLanding, SentToAnotherAddress, SignUpOrSignIn } from "@/components/links/link-landing";
import { buttonStyles } from "@/components/ui/button-styles";
import { getCurrentUser } from "@/lib/accounts/session";
import { resolveMemberLink } from "@/lib/groups/notify";
import { linkPath } from "@/lib/sharing/tokens";

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
  const mine = user?.email === member.email;
  return (
    <LinkLanding
      heading={`${member.sharerName} added you to the group ${member.groupName}`}
      from={member.sharerEmail}
      to={member.email}
      viewerEmail={user?.email}
    >
      <p className="text-sm">
        Devices shared with the group are yours to use for as long as you are in it: there is
        nothing to accept.
      </p>
      {!user ? (
        <SignUpOrSignIn
          returnTo={linkPath(token, "member")}
          prompt="Sign up or sign in with the address this invitation was sent to."
        />
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
        <SentToAnotherAddress to={member.email}>
          Sign out and sign in with that address to see the devices.
        </SentToAnotherAddress>
      )}
    </LinkLanding>
  );
}
