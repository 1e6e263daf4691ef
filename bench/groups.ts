// `tsx bench/groups.ts`: the group figures of `npm run bench` (step e) alone, no build, no
// server. It records them in bench/results.json (results-postgres.json) beside the last full run's: the group_*
// metrics are replaced and `groupsRun` says when and under what load they were measured.
import "./engine-env"; // first: selects the dialect of "@/db/schema"
import fs from "node:fs";
import os from "node:os";

import { ACCESS_P99_BUDGET_MS } from "./config";
import { measureGroupAccessCheck, measureGroupSharedWithMe } from "./group-access";
import { RESULTS_FILE, type Metric } from "./results";

async function main() {
  const loadAtStart = os.loadavg()[0];
  const check = await measureGroupAccessCheck();
  console.log(
    `access check, ${check.items} items (${check.groupItems} via groups of 50), seeded in ${check.seedS.toFixed(1)} s: ` +
      `p50 ${(check.p50Ms * 1000).toFixed(1)} µs, p99 ${(check.p99Ms * 1000).toFixed(1)} µs ` +
      `(group members' checks alone: p99 ${(check.groupMemberP99Ms * 1000).toFixed(1)} µs)`,
    check.reasons,
  );
  const withMe = await measureGroupSharedWithMe();
  console.log(
    `Shared with Me page: member of 200 groups (${withMe.member.total} shares) p50 ${withMe.member.p50.toFixed(2)} ms ` +
      `p95 ${withMe.member.p95.toFixed(2)} ms; direct recipient (${withMe.direct.total} shares) p50 ` +
      `${withMe.direct.p50.toFixed(2)} ms p95 ${withMe.direct.p95.toFixed(2)} ms`,
  );
  const metric = (name: string, value: number, unit: string, target: number | null): Metric => ({
    name,
    value: Number(value.toFixed(4)),
    unit,
    target,
    lowerIsBetter: true,
  });
  const metrics = [
    metric("group_access_check_p99_ms", check.p99Ms, "ms", ACCESS_P99_BUDGET_MS),
    metric("group_access_check_p50_ms", check.p50Ms, "ms", null),
    metric("group_member_access_check_p99_ms", check.groupMemberP99Ms, "ms", null),
    metric("group_shared_with_me_query_p95_ms", withMe.member.p95, "ms", 50),
    metric("group_shared_with_me_vs_direct", withMe.member.p95 / withMe.direct.p95, "x", null),
  ];
  const file = RESULTS_FILE;
  const doc = (
    fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : { metrics: [] }
  ) as { metrics: Metric[] };
  const mine = new Set(metrics.map((m) => m.name));
  doc.metrics = [...doc.metrics.filter((m) => !mine.has(m.name)), ...metrics];
  Object.assign(doc, {
    groupsRun: {
      when: new Date().toISOString(),
      loadAverage1m: {
        start: Number(loadAtStart.toFixed(2)),
        end: Number(os.loadavg()[0].toFixed(2)),
      },
    },
  });
  fs.writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
  for (const m of metrics)
    console.log(`${m.name}: ${m.value} ${m.unit}${m.target == null ? "" : ` (≤ ${m.target})`}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
