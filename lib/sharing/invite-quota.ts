import type { Conn } from "@/db/client";
import { RateLimitedError } from "@/lib/platform/errors";
import { LIMITS, hit } from "@/lib/platform/rate-limit";

/**
 * Invitation emails a sharer may send per day (shares with "Notify recipients", and Resend):
 * a compromised or careless account cannot turn Keyshare into a mailing cannon. Counted in
 * the caller's transaction, so a refused share writes nothing, not even the count.
 */
export async function spendInvitations(
  db: Conn,
  sharerId: string,
  n: number,
  now: number,
): Promise<void> {
  if (n <= 0) return;
  const r = await hit(db, `invite:sharer:${sharerId}`, LIMITS.invitationsPerSharerDay, now, n);
  if (r.ok) return;
  const hours = Math.max(1, Math.ceil(r.retryAfterS / 3600));
  throw new RateLimitedError(
    `You can send at most ${LIMITS.invitationsPerSharerDay.limit.toLocaleString("en-US")} invitation emails a day, ` +
      "and this would go over it. " +
      'Untick "Notify recipients" to share without emails (each recipient still gets a sharing link), ' +
      `or try again in ${hours} h.`,
    r.retryAfterS,
    "notify",
  );
}
