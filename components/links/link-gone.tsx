import Link from "next/link";
import type { LinkState } from "@/lib/sharing/links/link-state";

const TEXT: Record<Exclude<LinkState, "open">, { title: string; body: string }> = {
  used: {
    title: "This sharing link has already been used",
    body: "Each link works once. If you accepted it, the devices are in Shared with Me.",
  },
  declined: {
    title: "This invitation was declined",
    body: "Ask the sharer to share the devices again if you changed your mind.",
  },
  expired: {
    title: "This sharing link has expired",
    body: "Ask the sharer to extend the share or send a new invitation.",
  },
  lapsed: {
    title: "This sharing link has expired",
    body: "Sharing links work for 30 days. Ask the sharer to send you the invitation again.",
  },
  invalid: {
    title: "This sharing link is not valid",
    body: "It may have been mistyped, replaced by a newer link, or withdrawn. Ask the sharer for a new one.",
  },
};

export function LinkGone({ state }: { state: Exclude<LinkState, "open"> }) {
  const t = TEXT[state];
  return (
    <div className="mx-auto max-w-lg space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-center sm:p-6">
      <h1 className="text-xl font-semibold">{t.title}</h1>
      <p className="text-sm text-slate-600">{t.body}</p>
      <Link href="/shared-with-me" className="text-sm text-brand-700 underline">
        Go to Shared with Me
      </Link>
    </div>
  );
}
