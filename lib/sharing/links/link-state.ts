import "server-only";
import type { ResolvedLink } from "@/lib/sharing/lifecycle";

export type LinkState = "open" | "used" | "declined" | "expired" | "lapsed" | "invalid";

/** What a link page may say. Cancelled looks exactly like unknown to whoever holds the link. */
export function linkState(link: ResolvedLink | null): LinkState {
  if (!link) return "invalid";
  switch (link.status) {
    case "Pending":
      return link.lapsed ? "lapsed" : "open";
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

export const LINK_STATE_HTTP: Record<LinkState, number> = {
  open: 200,
  used: 410,
  declined: 410,
  expired: 410,
  lapsed: 410,
  invalid: 404,
};

export { maskEmail } from "./mask-email";
