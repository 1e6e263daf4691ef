import type { Metadata } from "next";
import { currentTime } from "@/lib/platform/clock";
import Link from "next/link";
import { getDb } from "@/db/client";
import { LinkResponse } from "@/components/links/link-response";
import { LinkGone } from "@/components/links/link-gone";
import { buttonStyles } from "@/components/ui/button-styles";
import { getCurrentUser } from "@/lib/accounts/session";
import { formatExpiry } from "@/lib/platform/format";
import { linkState, maskEmail } from "@/lib/sharing/links/link-state";
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
  const back = encodeURIComponent(`/s/${token}`);
  const shown = link.devices.slice(0, 50);

  return (
    <article className="mx-auto max-w-2xl space-y-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <header className="space-y-1">
        <h1 className="text-xl font-semibold sm:text-2xl">
          {link.sharer.name} shared {link.devices.length} device
          {link.devices.length === 1 ? "" : "s"} with you
        </h1>
        <p className="text-sm text-slate-600">
          From {link.sharer.email} to{" "}
          {user?.email === link.share.recipientEmail
            ? link.share.recipientEmail
            : maskEmail(link.share.recipientEmail)}
        </p>
      </header>
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
        <div className="space-y-2">
          <p className="text-sm">
            To accept, sign up or sign in with the address this invitation was sent to.
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
      ) : user.email === link.share.recipientEmail ? (
        <LinkResponse token={token} sharerName={link.sharer.name} />
      ) : (
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          This invitation was sent to another address ({maskEmail(link.share.recipientEmail)}). You
          are signed in as {user.email}, so you cannot accept it. Sign out and sign in with the
          invited address.
        </p>
      )}
    </article>
  );
}
