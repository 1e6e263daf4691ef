import type { IncomingMessage, ServerResponse } from "node:http";
import { CLIENT_IP_HEADER } from "./client-ip";
import { clientAddress } from "./client-address";

/** One year, subdomains included: the browser never tries plain HTTP for the site again. */
export const HSTS_VALUE = "max-age=31536000; includeSubDomains";

export type GuardOptions = { trustedHops: number; hsts: boolean };

/** HTTPS deployments get Strict-Transport-Security; a plain-HTTP one (localhost) must not. */
export function hstsWanted(appUrl: string | undefined): boolean {
  try {
    return appUrl ? new URL(appUrl).protocol === "https:" : false;
  } catch {
    return false;
  }
}

/**
 * What scripts/serve.ts does to every request before Next.js sees it: the client address
 * header is replaced by the one worked out here (a client's own copy is dropped, so it
 * cannot be forged), and HTTPS deployments answer with HSTS. At request time, because
 * next.config.js headers are fixed when the app is built, not where it runs.
 */
export function guardRequest(req: IncomingMessage, res: ServerResponse, opts: GuardOptions): void {
  delete req.headers[CLIENT_IP_HEADER];
  req.headers[CLIENT_IP_HEADER] = clientAddress(
    req.socket.remoteAddress,
    req.headers["x-forwarded-for"],
    opts.trustedHops,
  );
  if (opts.hsts) res.setHeader("Strict-Transport-Security", HSTS_VALUE);
}

/** Paths whose last segment is a secret (sharing, verification and reset links). */
const TOKEN_PATH = /^\/(s|verify-email|reset-password)\/[^/?#]+/;

/** A request URL fit for a log line: no query string, no link tokens. */
export function redactUrl(url: string | undefined): string {
  const path = (url ?? "/").split(/[?#]/)[0];
  return path.replace(TOKEN_PATH, (_m, p: string) => `/${p}/[token]`);
}
