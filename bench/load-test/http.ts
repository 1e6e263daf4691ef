// A lean keep-alive HTTP client for the load generator: node:http costs the client less CPU
// than fetch, which matters when client and server share two CPUs.
import http from "node:http";
import { LOAD_URL, MAX_IN_FLIGHT, REQUEST_TIMEOUT_MS } from "./config";

const agent = new http.Agent({
  keepAlive: true,
  maxSockets: MAX_IN_FLIGHT,
  maxFreeSockets: MAX_IN_FLIGHT,
});
const base = new URL(LOAD_URL);

/** `retryAfter`: the Retry-After header, which a shed request (503) must carry. */
export type Reply = { status: number; body: string | null; retryAfter: string | null };
export type Call = {
  method: "GET" | "POST";
  path: string;
  cookie?: string;
  json?: unknown;
  keepBody?: boolean;
};

/** Resolves with the status (and the body when asked); rejects on a network error or a timeout. */
export function send(call: Call): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const fail = (e: Error) => {
      clearTimeout(deadline);
      reject(e);
    };
    const payload = call.json === undefined ? null : Buffer.from(JSON.stringify(call.json));
    const headers: http.OutgoingHttpHeaders = {};
    if (call.cookie) headers.cookie = call.cookie;
    if (payload) {
      headers["content-type"] = "application/json";
      headers["content-length"] = payload.length;
    }
    const req = http.request(
      {
        agent,
        hostname: base.hostname,
        port: base.port,
        method: call.method,
        path: call.path,
        headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => {
          if (call.keepBody) chunks.push(c);
        });
        res.on("end", () => {
          clearTimeout(deadline);
          const retryAfter = res.headers["retry-after"] ?? null;
          resolve({
            status: res.statusCode ?? 0,
            body: call.keepBody ? Buffer.concat(chunks).toString("utf8") : null,
            retryAfter,
          });
        });
        res.on("error", fail);
      },
    );
    // A deadline on the whole exchange (not socket idleness): a request waiting for a free
    // socket, or whose answer trickles in, times out too.
    const deadline = setTimeout(() => req.destroy(new Error("timeout")), REQUEST_TIMEOUT_MS);
    req.on("error", fail);
    req.end(payload ?? undefined);
  });
}

/** Closes the idle keep-alive sockets so the process can exit. */
export const closeClient = () => agent.destroy();
