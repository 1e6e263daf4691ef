// The server side of the owner's sharing policy. The dialog checks the same rules first,
// but only these checks count: a forged request meets them too.
import type { Db } from "@/db/client";
import { DomainError } from "@/lib/platform/errors";
import { safeParseShareInput, ShareValidationError } from "@/lib/sharing/validation";
import { expiryError, policyErrors } from "./policy";
import { getSharingPolicy } from "./store";

/**
 * For a new share. Malformed input is left to the share's own validation (which reports it
 * field by field); well-formed input that breaks the policy is refused here, nothing written.
 */
export async function enforceSharePolicy(
  db: Db,
  ownerId: string,
  raw: unknown,
  now: number,
): Promise<void> {
  const policy = await getSharingPolicy(db, ownerId);
  if (!policy.allowedDomains.length && policy.maxExpiryDays == null) return;
  const parsed = safeParseShareInput(raw, now);
  if (!parsed.ok) return;
  const errors = policyErrors(policy, {
    recipients: parsed.data.recipients,
    expiresAt: parsed.data.expiresAt,
    now,
  });
  if (errors)
    throw new ShareValidationError(errors as Record<string, string[]>, [
      "Your sharing policy does not allow this share. Nothing was shared.",
    ]);
}

/** For an extension: the new expiry must respect the maximum too (measured from now). */
export async function enforceExtensionPolicy(
  db: Db,
  ownerId: string,
  newExpiresAt: number,
  now: number,
): Promise<void> {
  const error = expiryError(await getSharingPolicy(db, ownerId), newExpiresAt, now);
  if (error) throw new DomainError(error, "expiresAt");
}
