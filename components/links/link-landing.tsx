import Link from "next/link";
import type { ReactNode } from "react";
import { buttonStyles } from "@/components/ui/button-styles";
import { maskEmail } from "@/lib/sharing/links/link-state";

/**
 * The card both link pages (/s/ for a share, /g/ for a group member) are built on: who sent
 * the invitation to which address, then the page's own body. The address is shown in full
 * only to its owner: anyone else holding the link sees it masked.
 */
export function LinkLanding(props: {
  heading: ReactNode;
  from: string;
  to: string;
  viewerEmail: string | undefined;
  children: ReactNode;
}) {
  return (
    <article
      className={
        "mx-auto max-w-2xl space-y-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
      }
    >
      <header className="space-y-1">
        <h1 className="text-xl font-semibold sm:text-2xl">{props.heading}</h1>
        <p className="text-sm text-slate-600">
          From {props.from} to {props.viewerEmail === props.to ? props.to : maskEmail(props.to)}
        </p>
      </header>
      {props.children}
    </article>
  );
}

/** For a signed-out visitor: sign up or sign in, then come back to the link at `returnTo`. */
export function SignUpOrSignIn({ returnTo, prompt }: { returnTo: string; prompt: string }) {
  const back = encodeURIComponent(returnTo);
  return (
    <div className="space-y-2">
      <p className="text-sm">{prompt}</p>
      <div className="flex gap-2 *:flex-1 sm:*:flex-none">
        <Link href={`/sign-up?callbackUrl=${back}`} className={buttonStyles.primary}>
          Sign up
        </Link>
        <Link href={`/sign-in?callbackUrl=${back}`} className={buttonStyles.secondary}>
          Sign in
        </Link>
      </div>
    </div>
  );
}

/** When the signed-in person is not the one the invitation was sent to. */
export function SentToAnotherAddress({ to, children }: { to: string; children: ReactNode }) {
  return (
    <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
      This invitation was sent to another address ({maskEmail(to)}). {children}
    </p>
  );
}
