import type { Metadata } from "next";
import { currentTime } from "@/lib/platform/clock";
import { getDb } from "@/db/client";
import { LinkResponse } from "@/components/links/link-response";
import { LinkGone } from "@/components/links/link-gone";
import { LinkLanding, SentToAnotherAddress, SignUpOrSignIn } from "@/components/links/link-landing";
import { getCurrentUser } from "@/lib/accounts/session";
import { formatExpiry } from "@/lib/platform/format";
import { linkState } from "@/lib/sharing/links/link-state";
import { linkPath } from "@/lib/sharing/tokens";
import { resolveLink } from "@/lib/sharing/lifecycle";
import { OPERATION_LABELS } from "@/lib/sharing/permissions";

export const metadata: Metadata = {
  title: "Sharing invitation",
  referrer: "no-referrer",
  robots: { index: false },
};

export default async function SharingLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await resolveLink(getDb(), token, currentTime());
  const state = linkState(link);
  if (state !== "open" || !link) return <LinkGone state={state === "open" ? "invalid" : state} />;
  const user = await getCurrentUser();
  const shown = link.devices.slice(0, 50);
  const to = link.share.recipientEmail;
  const count = link.devices.length;

  return (
    <LinkLanding
      heading={`${link.sharer.name} shared ${count} device${count === 1 ? "" : "s"} with you`}
      from={link.sharer.email}
      to={to}
      viewerEmail={user?.email}
    >
      <dl className="grid gap-3 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-slate-500">Permissions</dt>
          <dd>{link.permissions.map((p) => OPERATION_LABELS[p]).join(", ")}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Until</dt>
          <dd>{formatExpiry(link.share.expiresAt)}</dd>
        </div>
        {link.share.message ? (
          <div className="sm:col-span-2">
            <dt className="text-slate-500">Message from {link.sharer.name}</dt>
            <dd className="whitespace-pre-wrap rounded bg-slate-50 p-2">{link.share.message}</dd>
          </div>
        ) : null}
      </dl>
      <section aria-labelledby="link-devices">
        <h2 id="link-devices" className="text-sm font-semibold">
          Devices
        </h2>
        <ul className="mt-1 list-disc pl-5 text-sm">
          {shown.map((d) => (
            <li key={d.id}>
              {d.name} <span className="text-slate-500">({d.kind})</span>
            </li>
          ))}
        </ul>
        {link.devices.length > shown.length ? (
          <p className="text-sm text-slate-500">and {link.devices.length - shown.length} more</p>
        ) : null}
      </section>
      {!user ? (
        <SignUpOrSignIn
          returnTo={linkPath(token)}
          prompt="To accept, sign up or sign in with the address this invitation was sent to."
        />
      ) : user.email === to ? (
        <LinkResponse token={token} sharerName={link.sharer.name} />
      ) : (
        <SentToAnotherAddress to={to}>
          You are signed in as {user.email}, so you cannot accept it. Sign out and sign in with the
          invited address.
        </SentToAnotherAddress>
      )}
    </LinkLanding>
  );
}
