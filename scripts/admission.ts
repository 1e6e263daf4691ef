import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { redactUrl } from "../lib/request/request-guard";

/**
 * Load shedding for the production server (scripts/serve.ts). Each worker process admits at
 * most `maxInFlight` requests at once; beyond that it answers at once with 503 and a
 * Retry-After, instead of queueing every request until all of them time out together.
 * Static files (hashed bundles, icons) are cheap and needed to use a page already served,
 * so they are never shed.
 */
export type Admission = {
  /** True when the request may go on; the caller must then call `leave()` once it ends. */
  tryEnter(path: string): boolean;
  leave(): void;
  readonly inFlight: number;
  readonly shed: number;
};

export function isNeverShed(path: string): boolean {
  return path.startsWith("/_next/static/") || path === "/favicon.ico" || path === "/robots.txt";
}

export function createAdmission(maxInFlight: number): Admission {
  if (!Number.isInteger(maxInFlight) || maxInFlight < 1)
    throw new Error(`maxInFlight must be a positive integer, not ${maxInFlight}`);
  let inFlight = 0;
  let shed = 0;
  return {
    tryEnter(path) {
      if (inFlight >= maxInFlight && !isNeverShed(path)) {
        shed++;
        return false;
      }
      inFlight++;
      return true;
    },
    leave() {
      if (inFlight > 0) inFlight--;
    },
    get inFlight() {
      return inFlight;
    },
    get shed() {
      return shed;
    },
  };
}

/** Seconds a shed client is asked to wait: long enough for the queue in front of it to drain. */
export const SHED_RETRY_AFTER_S = 2;
export const SHED_BODY = `Keyshare is busy right now. Please try again in ${SHED_RETRY_AFTER_S} s.`;

type Handle = (req: IncomingMessage, res: ServerResponse) => Promise<unknown>;

/**
 * An HTTP request listener that admits requests through `admission` and passes them to
 * `handle`. The slot is given back when the response ends or the client goes away; a handler
 * that throws gets a plain 500.
 */
export function admittingListener(admission: Admission, handle: Handle): RequestListener {
  return (req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (!admission.tryEnter(path)) {
      res.writeHead(503, {
        "Retry-After": String(SHED_RETRY_AFTER_S),
        "Content-Type": "text/plain; charset=utf-8",
        "Cache-Control": "no-store",
      });
      res.end(SHED_BODY);
      return;
    }
    // "close" comes once per response: when it has been sent, or when the client went away.
    res.once("close", () => admission.leave());
    handle(req, res).catch((err: unknown) => {
      // Never the raw URL: it can hold a sharing link's token.
      console.error(`[serve] request for ${redactUrl(req.url)} failed:`, err);
      if (!res.headersSent) res.statusCode = 500;
      res.end("Internal Server Error");
    });
  };
}
