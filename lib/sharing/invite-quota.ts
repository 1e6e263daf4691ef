import type { Conn } from "@/db/client";
import { DomainError, RateLimitedError } from "@/lib/platform/errors";
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
  const { limit } = LIMITS.invitationsPerSharerDay;
  // More than a whole day's quota can never go through, however long one waits: that is a
  // request to change (422), not one to retry later (429).
  if (n > limit)
    throw new DomainError(
      `This would send ${n.toLocaleString("en-US")} invitation emails, more than the ` +
        `${limit.toLocaleString("en-US")} invitation emails a day a sharer may send. ` +
        'Untick "Notify recipients" to share without emails (each recipient still gets a sharing link), ' +
        "or invite fewer people at a time.",
      "notify",
    );
  const r = await hit(db, `invite:sharer:${sharerId}`, LIMITS.invitationsPerSharerDay, now, n);
  if (r.ok) return;
  const hours = Math.max(1, Math.ceil(r.retryAfterS / 3600));
  throw new RateLimitedError(
    `You can send at most ${limit.toLocaleString("en-US")} invitation emails a day, ` +
      "and this would go over it. " +
      'Untick "Notify recipients" to share without emails (each recipient still gets a sharing link), ' +
      `or try again in ${hours} h.`,
    r.retryAfterS,
    "notify",
  );
}
