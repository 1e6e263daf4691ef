import type { ResolvedLink } from "@/lib/sharing/lifecycle";

export type LinkState = "open" | "used" | "declined" | "expired" | "invalid";

/** What a link page may say. Cancelled looks exactly like unknown to whoever holds the link. */
export function linkState(link: ResolvedLink | null): LinkState {
  if (!link) return "invalid";
  switch (link.status) {
    case "Pending":
      return "open";
    case "Active":
    case "Suspended":
    case "Left":
      return "used";
    case "Declined":
      return "declined";
    case "Expired":
      return link.share.acceptedAt ? "used" : "expired";
    default:
      return "invalid";
  }
}

export const LINK_STATE_HTTP: Record<LinkState, number> = { open: 200, used: 410, declined: 410, expired: 410, invalid: 404 };

/** "jane.doe@example.com" → "ja•••••@example.com": enough to recognise, not enough to harvest. */
export function maskEmail(email: string): string {
  const [local, domain] = email.split("@");
  if (!domain) return "•••";
  const keep = local.length <= 2 ? 1 : 2;
  return `${local.slice(0, keep)}${"•".repeat(Math.max(3, local.length - keep))}@${domain}`;
}
