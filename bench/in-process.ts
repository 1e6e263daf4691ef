// Helpers of the benchmarks that run the app's code in this process instead of over HTTP
// (bench/api.ts, bench/time-page-queries.ts, bench/time-api-list.ts).
import { createRequire } from "node:module";

/**
 * Next.js serves route handlers under the react-server condition, where "server-only" is an
 * empty module; plain Node resolves its throwing default. Do what Next.js does before the
 * app's server code is imported in this process (vitest aliases it the same way).
 */
export function allowServerOnly(): void {
  const require = createRequire(import.meta.url);
  const id = require.resolve("server-only");
  require.cache[id] ??= { id, filename: id, loaded: true, exports: {} } as NodeJS.Module;
}

/**
 * Prints `fn`'s CPU time per call (this process, user + system): 50 warm-up calls, then five
 * rounds of `calls` calls; the median round, and all five for the spread.
 */
export async function printCpuPerCall(
  name: string,
  fn: () => Promise<unknown>,
  calls: number,
): Promise<void> {
  for (let i = 0; i < 50; i++) await fn();
  const rounds: number[] = [];
  for (let r = 0; r < 5; r++) {
    const c0 = process.cpuUsage();
    for (let i = 0; i < calls; i++) await fn();
    const c = process.cpuUsage(c0);
    rounds.push((c.user + c.system) / 1000 / calls);
  }
  rounds.sort((a, b) => a - b);
  console.log(
    `${name}: ${rounds[2].toFixed(3)} ms CPU per call (rounds ${rounds.map((x) => x.toFixed(3)).join(" ")})`,
  );
}
