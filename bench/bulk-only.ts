// `npx tsx bench/bulk-only.ts`: phase (c) of bench/run.ts alone (bulk share 1,000 × 100
// through shareDevices vs the raw floor, fresh databases, median of 5 paired rounds), for working
// on that one figure without the whole bench. BENCH_DB=postgres measures PostgreSQL.
import "./engine-env"; // first: selects the dialect of "@/db/schema"
import os from "node:os";
import { measureBulkShare } from "./bulk-share";
import { BENCH_DB } from "./config";

async function main() {
  const load = () =>
    os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(" ");
  console.log(`${BENCH_DB}: load average before ${load()}`);
  const bulk = await measureBulkShare();
  const { ratio } = bulk;
  console.log(
    `${BENCH_DB}: shareDevices ${(bulk.domainMs / 1000).toFixed(3)} s, floor ${(bulk.floorMs / 1000).toFixed(3)} s, ` +
      `ratio ${ratio.toFixed(3)}x; load average after ${load()}`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
