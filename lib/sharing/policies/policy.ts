// An owner's sharing policy and the checks it implies. Pure (no database, no Node APIs):
// the share dialog runs the very same checks in the browser before the server does.

import { DAY } from "@/lib/platform/time";
export const DEFAULT_EXPIRY_CHOICES = ["1d", "7d", "30d", "never"] as const;
export type DefaultExpiry = (typeof DEFAULT_EXPIRY_CHOICES)[number];
export const MAX_POLICY_DAYS = 1825; // the product's own 5-year ceiling

export type SharingPolicy = {
  defaultExpiry: DefaultExpiry;
  /** null = no maximum beyond the product's own. */
  maxExpiryDays: number | null;
  /** Lower-case domains; empty = any recipient. */
  allowedDomains: string[];
};

export const NO_POLICY: SharingPolicy = {
  defaultExpiry: "7d",
  maxExpiryDays: null,
  allowedDomains: [],
};

export const DEFAULT_EXPIRY_DAYS: Record<DefaultExpiry, number | null> = {
  "1d": 1,
  "7d": 7,
  "30d": 30,
  never: null,
};

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
export const isDomain = (d: string) => DOMAIN.test(d);

/** "example.com, @Example.org\nfoo.net" → ["example.com", "example.org", "foo.net"]. */
export function splitDomains(text: string): string[] {
  const words = text
    .split(/[\s,;]+/)
    .map((w) => w.trim().toLowerCase().replace(/^@/, ""))
    .filter(Boolean);
  return [...new Set(words)];
}

/** "a", "a or b", "a, b or c". */
export function orList(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? "")
    : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? "" : "s"}`;

export const domainMessage = (p: Pick<SharingPolicy, "allowedDomains">) =>
  `Recipients must have an email at ${orList(p.allowedDomains)}`;
export const maxExpiryMessage = (days: number) =>
  `This share may last at most ${plural(days, "day")}`;

/** The recipient's domain is allowed exactly (sub-domains must be listed themselves). */
export function recipientAllowed(
  policy: Pick<SharingPolicy, "allowedDomains">,
  email: string,
): boolean {
  if (!policy.allowedDomains.length) return true;
  const domain = email.trim().toLowerCase().split("@").pop() ?? "";
  return policy.allowedDomains.includes(domain);
}

/** Null when within the maximum (or there is none). A permanent share exceeds any maximum. */
export function expiryError(
  policy: Pick<SharingPolicy, "maxExpiryDays">,
  expiresAt: number | null,
  now: number,
): string | null {
  const max = policy.maxExpiryDays;
  if (max == null) return null;
  return expiresAt == null || expiresAt - now > max * DAY ? maxExpiryMessage(max) : null;
}

export type PolicyFieldErrors = { recipients?: string[]; expiresAt?: string[] };

/** Every violation, by field (the share form's field names), or null when compliant. */
export function policyErrors(
  policy: SharingPolicy,
  q: { recipients: readonly string[]; expiresAt: number | null; now: number },
): PolicyFieldErrors | null {
  const out: PolicyFieldErrors = {};
  const refused = q.recipients.filter((r) => !recipientAllowed(policy, r));
  if (refused.length) {
    const shown =
      refused.slice(0, 5).join(", ") +
      (refused.length > 5 ? ` and ${refused.length - 5} more` : "");
    out.recipients = [domainMessage(policy), `Not allowed: ${shown}.`];
  }
  const expiry = expiryError(policy, q.expiresAt, q.now);
  if (expiry) out.expiresAt = [expiry];
  return out.recipients || out.expiresAt ? out : null;
}
