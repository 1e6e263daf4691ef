// One HTTP POST of a delivery: to the checked address only, 10 s at most, redirects not
// followed (a 3xx is a failed attempt), the answer's body ignored beyond its status.
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { resolveTarget } from "./ssrf";

export const SEND_TIMEOUT_MS = 10_000;

export type SendResult = { ok: boolean; statusCode: number | null; error: string | null };

export async function postSigned(
  urlText: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs = SEND_TIMEOUT_MS,
): Promise<SendResult> {
  let target;
  const url = new URL(urlText);
  try {
    target = await resolveTarget(url);
  } catch (e) {
    return { ok: false, statusCode: null, error: (e as Error).message };
  }
  // The socket connects to the address checked above, whatever DNS says now.
  const pinned: LookupFunction = (_host, opts, cb) => {
    if ((opts as { all?: boolean }).all) cb(null, [target]);
    else cb(null, target.address, target.family);
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise<SendResult>((resolve) => {
    const req = client.request(
      url,
      {
        method: "POST",
        lookup: pinned,
        timeout: timeoutMs,
        headers: {
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(body)),
          "user-agent": "Keyshare-Webhooks/1",
          ...headers,
        },
      },
      (res) => {
        res.resume(); // drain, never read into memory
        const code = res.statusCode ?? 0;
        resolve({
          ok: code >= 200 && code < 300,
          statusCode: code,
          error: code >= 300 && code < 400 ? "redirects are not followed" : null,
        });
      },
    );
    const timer = setTimeout(
      () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)),
      timeoutMs,
    );
    req.on("timeout", () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)));
    req.on("error", (e) => resolve({ ok: false, statusCode: null, error: e.message }));
    req.on("close", () => clearTimeout(timer));
    req.end(body);
  });
}
