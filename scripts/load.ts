// `npm run load` (LOAD_QUICK=1 for a short smoke run): a mixed load at a local production
// server — list pages, bulk shares, accepts and link pages — first at a fixed 100 req/s,
// then in rising steps until errors appear or p95 passes 200 ms, beside the same step test
// on the floor page (/floor). Afterwards the database must hold everything the server
// acknowledged. Builds into .next-bench (bench/build.ts), serves on :3600 over its own
// database in bench/tmp with KEYSHARE_BENCH=1 and KEYSHARE_RATE_LIMIT=relaxed, and writes
// bench/load-results.json. Waits while `npm run bench` runs: the two would skew each other.
import "../bench/engine-env";
import { execFile, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { ensureBuild } from "../bench/build";
import { BENCH_DB, PASSWORD, TMP_DIR } from "../bench/config";
import { dropBenchDatabases } from "../bench/databases";
import { getPage, signIn, startServer, type Server } from "../bench/server";
import {
  FIXED_RATE,
  FIXED_SECONDS,
  LOAD_LOG,
  LOAD_PORT,
  LOAD_QUICK,
  LOAD_URL,
  OVERLOAD_FACTOR,
  OVERLOAD_SECONDS,
  OWNERS,
  RECIPIENTS,
  RESULTS_FILE,
  STEP_MAX,
  STEP_SECONDS,
  STEP_SIZE,
  STEP_START,
} from "../bench/load-test/config";
import { runPhase, type Job, type PhaseResult } from "../bench/load-test/driver";
import { closeClient } from "../bench/load-test/http";
import { Workload, type Sessions } from "../bench/load-test/mix";
import {
  kindLines,
  phaseLine,
  shedCleanly,
  writeReport,
  type StepTest,
} from "../bench/load-test/report";
import { ownerEmail, recipientEmail, seedLoadDb } from "../bench/load-test/seed";
import { verifyDatabase } from "../bench/load-test/verify";
import { machine } from "../bench/results";

const step = (text: string) => console.log(`\n== ${text}`);

/** Another benchmark on this machine would skew both: wait for it (30 s polls, 15 min at most). */
async function waitForOtherBench() {
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    // No shell: pgrep leaves itself out, but would match a shell whose command line names the pattern.
    const others = spawnSync("pgrep", ["-f", "bench/run.ts"], { encoding: "utf8" }).stdout.trim();
    if (!others) return;
    if (Date.now() > deadline)
      throw new Error(
        `npm run bench is still running (pids ${others.replace(/\s+/g, " ")}) after 15 min`,
      );
    console.log(`  npm run bench is running (pids ${others.replace(/\s+/g, " ")}); waiting 30 s…`);
    await sleep(30_000);
  }
}

/** A bench started after ours would skew the figures: look every 10 s (async, not to upset the pacing). */
function watchOtherBench(): { stop: () => boolean } {
  let seen = false;
  const timer = setInterval(() => {
    execFile("pgrep", ["-f", "bench/run.ts"], (_e, out) => {
      if (String(out).trim()) seen = true;
    });
  }, 10_000);
  return { stop: () => (clearInterval(timer), seen) };
}

async function assertPortFree() {
  const taken = await fetch(LOAD_URL).then(
    () => true,
    () => false,
  );
  if (taken)
    throw new Error(
      `something already answers on ${LOAD_URL}; set LOAD_PORT to a free port in 3600-3699`,
    );
}

async function signInAll(): Promise<Sessions> {
  const owners: string[] = [];
  const recipients: string[] = [];
  for (let o = 0; o < OWNERS; o++) owners.push(await signIn(ownerEmail(o), PASSWORD, LOAD_URL));
  for (let r = 0; r < RECIPIENTS; r++)
    recipients.push(await signIn(recipientEmail(r), PASSWORD, LOAD_URL));
  // Each page must really render for its user before its timings mean anything.
  await getPage("/floor", owners[0], "Owner 0", LOAD_URL);
  await getPage("/shared-by-me", owners[0], "Shared by Me", LOAD_URL);
  await getPage("/devices", owners[0], "My devices", LOAD_URL);
  await getPage("/shared-with-me", recipients[0], "Shared with Me", LOAD_URL);
  return { owners, recipients };
}

async function stepTest(label: string, job: (i: number) => Job, pid: number): Promise<StepTest> {
  const steps: PhaseResult[] = [];
  let heldRps: number | null = null;
  for (let rate = STEP_START; rate <= STEP_MAX; rate += STEP_SIZE) {
    const r = await runPhase(`${label} ${rate}`, rate, STEP_SECONDS, job, pid);
    steps.push(r);
    console.log(`  ${phaseLine(r)}`);
    if (!r.held) break;
    heldRps = rate;
    await sleep(2_000); // let the server settle (GC, WAL checkpoint) between steps
  }
  return { steps, heldRps };
}

/** What the server wrote about SQLITE_BUSY and about errors while loaded. */
function readServerLog() {
  const lines = fs.existsSync(LOAD_LOG) ? fs.readFileSync(LOAD_LOG, "utf8").split("\n") : [];
  const busy = lines.filter((l) => /SQLITE_BUSY|database is locked/i.test(l));
  const errors = lines.filter((l) => /error|⨯/i.test(l));
  return {
    busyLines: busy.length,
    errorLines: errors.length,
    samples: [...new Set([...busy, ...errors])].slice(0, 10),
  };
}

async function main() {
  console.log(`Keyshare load test${LOAD_QUICK ? " (quick)" : ""} on ${BENCH_DB},`, machine());
  await waitForOtherBench();
  const loadAtStart = os.loadavg()[0];
  fs.mkdirSync(TMP_DIR, { recursive: true });
  step("build");
  const build = ensureBuild();
  console.log(
    build.built
      ? `  built in ${build.seconds.toFixed(0)} s`
      : "  .next-bench is current, not rebuilt",
  );

  step(`data: ${OWNERS} owners, ${RECIPIENTS} recipients (${BENCH_DB})`);
  const seeded = await seedLoadDb(Date.now());
  console.log(
    `  ${seeded.shares} seed shares in ${seeded.where.label}; ${seeded.pending.length} to accept, ${seeded.tokens.length} open links`,
  );

  step(`server on :${LOAD_PORT}`);
  await assertPortFree();
  const server: Server = await startServer([], {
    port: LOAD_PORT,
    logFile: LOAD_LOG,
    env: { KEYSHARE_RATE_LIMIT: "relaxed", KEYSHARE_BENCH: "1", ...seeded.where.env },
  });
  const work = new Workload(await signInAll(), seeded);
  const watcher = watchOtherBench();
  let fixed: PhaseResult;
  let mixed: StepTest;
  let floor: StepTest;
  let overload: PhaseResult;
  try {
    // Every worker process compiles its code paths on first use: warm them all up first.
    step("warm-up, 20 then 50 req/s of the mix (not counted)");
    console.log(
      `  ${phaseLine(await runPhase("warm-up 20", 20, LOAD_QUICK ? 3 : 10, work.mixed, server.pid))}`,
    );
    console.log(
      `  ${phaseLine(await runPhase("warm-up 50", 50, LOAD_QUICK ? 3 : 10, work.mixed, server.pid))}`,
    );
    await sleep(2_000);

    step(`fixed ${FIXED_RATE} req/s of the mix for ${FIXED_SECONDS} s`);
    fixed = await runPhase(
      `fixed ${FIXED_RATE}`,
      FIXED_RATE,
      FIXED_SECONDS,
      work.mixed,
      server.pid,
    );
    console.log(`  ${phaseLine(fixed)}`);
    for (const l of kindLines(fixed)) console.log(l);
    console.log(
      `    p95 per 10 s: ${fixed.p95By10s.join(", ")} ms; at most ${fixed.maxInFlight} requests in flight`,
    );
    await sleep(3_000);

    step(`step test, the mix, ${STEP_SECONDS} s per step`);
    mixed = await stepTest("mix", work.mixed, server.pid);
    await sleep(5_000);

    const overloadRps = OVERLOAD_FACTOR * Math.max(mixed.heldRps ?? 0, FIXED_RATE);
    step(
      `overload: ${overloadRps} req/s of the mix for ${OVERLOAD_SECONDS} s (${OVERLOAD_FACTOR} × the highest rate held)`,
    );
    overload = await runPhase(
      `overload ${overloadRps}`,
      overloadRps,
      OVERLOAD_SECONDS,
      work.mixed,
      server.pid,
    );
    console.log(`  ${phaseLine(overload)}`);
    console.log(
      `    shed with 503 + Retry-After: ${overload.shed}; p95 of the requests served: ${overload.servedP95Ms} ms`,
    );
    await sleep(5_000);
    step(`step test, GET /floor only, ${STEP_SECONDS} s per step`);
    floor = await stepTest("floor", work.floor, server.pid);
  } finally {
    closeClient();
    await server.stop();
  }
  const otherBenchDuringRun = watcher.stop();
  if (otherBenchDuringRun)
    console.log(
      "\n  WARNING: npm run bench ran during the load: these figures are skewed; run again.",
    );

  step(`after: ${seeded.where.label}`);
  const verification = await verifyDatabase(seeded.where, work, seeded.shares);
  await dropBenchDatabases();
  console.log(" ", verification);
  const serverLog = readServerLog();
  writeReport(
    { fixed, mixed, floor, overload, verification, serverLog, otherBenchDuringRun },
    loadAtStart,
    RESULTS_FILE,
  );
  if (!verification.ok || fixed.failed > 0 || !shedCleanly(overload)) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
