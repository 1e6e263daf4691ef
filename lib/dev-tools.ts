import { appUrl } from "@/lib/email/app-url";

/**
 * Developer pages (the local email outbox) exist only on a local install: when APP_URL
 * points at localhost, or KEYSHARE_DEV_TOOLS=1. A public deployment never serves them.
 */
export function devToolsEnabled(): boolean {
  if (process.env.KEYSHARE_DEV_TOOLS === "1") return true;
  if (process.env.KEYSHARE_DEV_TOOLS === "0") return false;
  const host = new URL(appUrl()).hostname;
  return host === "localhost" || host === "127.0.0.1" || host === "[::1]";
}
