import { ResendVerification } from "./resend-verification";

/**
 * Shared with Me for an account whose address is not verified yet: shares sent to the
 * address stay hidden until it is (anyone can register any address), and why.
 */
export function VerifyEmailNotice({ email }: { email: string }) {
  return (
    <section
      aria-labelledby="verify-h"
      className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950"
    >
      <h2 id="verify-h" className="text-base font-semibold">
        Verify your email
      </h2>
      <p className="break-words">
        Devices shared with <strong>{email}</strong> are listed here once you open the link in the
        verification email sent to that address. No email, or it expired? Ask for a new one. A
        sharing link from an invitation email works right away.
      </p>
      <ResendVerification />
    </section>
  );
}
