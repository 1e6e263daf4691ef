// `tsx bench/groups.ts`: the group figures of `npm run bench` alone (no build, no server).
import { measureGroupAccessCheck, measureGroupSharedWithMe } from "./group-access";

async function main() {
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
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
