// HTTP load with autocannon. autocannon reports p97.5 and p99 but not p95, so every response
// time is recorded from its "response" event and the percentiles are computed exactly.
import autocannon from "autocannon";
import { BASE_URL } from "./config";
import { cpuMs } from "./server";

export type LoadResult = {
  rps: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  requests: number;
  cpuMsPerRequest: number;
};
type Samples = { times: number[]; seconds: number; cpuMs: number };

export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Fixed-duration load on one path; the response time of every request. */
/** `pid`: the server, whose CPU time is read before and after. */
export async function load(
  pathname: string,
  /** A session cookie, or the request headers (e.g. an API token's Authorization). */
  auth: string | Record<string, string>,
  seconds: number,
  connections: number,
  pid: number,
): Promise<Samples> {
  const times: number[] = [];
  let bad = 0;
  const cpuBefore = cpuMs(pid);
  // The callback form returns the instance (the promise form does not expose its events).
  let finish!: (r: autocannon.Result) => void;
  let fail!: (e: unknown) => void;
  const done = new Promise<autocannon.Result>(
    (resolve, reject) => ((finish = resolve), (fail = reject)),
  );
  const instance = autocannon(
    {
      url: `${BASE_URL}${pathname}`,
      connections,
      duration: seconds,
      headers: typeof auth === "string" ? { cookie: auth } : auth,
    },
    (err, r) => (err ? fail(err) : finish(r)),
  );
  instance.on("response", (_client, status, _bytes, responseTime) => {
    // A redirect (session lost) or an error page would be fast and look like a great result.
    if (status !== 200) bad++;
    times.push(responseTime);
  });
  const result = await done;
  if (bad > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(
      `GET ${pathname}: ${bad} non-200, ${result.errors} errors, ${result.timeouts} timeouts under load`,
    );
  }
  return { times, seconds: result.duration || seconds, cpuMs: cpuMs(pid) - cpuBefore };
}

/** Throughput and exact percentiles over one or more load phases of the same path. */
export function summarize(...runs: Samples[]): LoadResult {
  const sorted = Float64Array.from(runs.flatMap((r) => r.times)).sort();
  const seconds = runs.reduce((sum, r) => sum + r.seconds, 0);
  return {
    rps: sorted.length / seconds,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    requests: sorted.length,
    cpuMsPerRequest: runs.reduce((sum, r) => sum + r.cpuMs, 0) / sorted.length,
  };
}
