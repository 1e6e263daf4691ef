// The load test's table on stdout and bench/load-results.json (-postgres.json on PostgreSQL).
import fs from "node:fs";
import os from "node:os";
import { BENCH_DB } from "../config";
import { machine } from "../results";
import { FIXED_RATE, FIXED_SECONDS, LOAD_QUICK, MIX, P95_LIMIT_MS, STEP_SECONDS } from "./config";
import type { PhaseResult } from "./driver";
import type { Verification } from "./verify";

export type StepTest = { steps: PhaseResult[]; heldRps: number | null };
export type LoadReport = {
  fixed: PhaseResult;
  mixed: StepTest;
  floor: StepTest;
  /** Far beyond capacity: every request is either served or shed with 503 + Retry-After. */
  overload: PhaseResult;
  verification: Verification;
  /** Lines of the server log mentioning SQLITE_BUSY / "database is locked", and error lines. */
  serverLog: { busyLines: number; errorLines: number; samples: string[] };
  /** `npm run bench` was seen running during the load: the figures are not to be trusted. */
  otherBenchDuringRun: boolean;
};

const statusText = (r: PhaseResult) =>
  [
    ...Object.entries(r.statuses).map(([s, n]) => `${s}×${n}`),
    ...Object.entries(r.errors).map(([e, n]) => `${e}×${n}`),
  ].join(" ");

export function phaseLine(r: PhaseResult): string {
  return [
    r.label.padEnd(14),
    `${String(r.targetRps).padStart(4)} → ${r.answeredRps.toFixed(0).padStart(4)} req/s`,
    `p50 ${r.p50Ms.toFixed(0).padStart(5)}`,
    `p95 ${r.p95Ms.toFixed(0).padStart(5)}`,
    `p99 ${r.p99Ms.toFixed(0).padStart(5)}`,
    `max ${r.maxMs.toFixed(0).padStart(5)} ms`,
    `cpu ${r.serverCpuMsPerRequest.toFixed(1).padStart(5)} ms/req`,
    `others ${r.othersCpuPct.toFixed(0).padStart(3)} %`,
    `in flight ≤ ${String(r.maxInFlight).padStart(3)}`,
    `failed ${String(r.failed).padStart(4)}`,
    r.held ? "held " : "MISS ",
    statusText(r),
  ].join("  ");
}

export function kindLines(r: PhaseResult): string[] {
  return Object.entries(r.byKind).map(
    ([k, s]) =>
      `    ${k.padEnd(8)} ${String(s.requests).padStart(6)} requests  p50 ${s.p50Ms} ms  p95 ${s.p95Ms} ms`,
  );
}

export function writeReport(report: LoadReport, loadAtStart: number, file: string): void {
  const doc = {
    quick: LOAD_QUICK,
    engine: BENCH_DB,
    when: new Date().toISOString(),
    machine: {
      ...machine(),
      loadAverage1m: {
        start: Number(loadAtStart.toFixed(2)),
        end: Number(os.loadavg()[0].toFixed(2)),
      },
    },
    settings: {
      fixedRate: FIXED_RATE,
      fixedSeconds: FIXED_SECONDS,
      stepSeconds: STEP_SECONDS,
      p95LimitMs: P95_LIMIT_MS,
      mix: MIX,
    },
    ...report,
  };
  fs.writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);

  const v = report.verification;
  const rows: [string, string, string][] = [
    [
      `fixed ${FIXED_RATE} req/s × ${FIXED_SECONDS} s, mix: non-2xx/3xx / errors`,
      `${report.fixed.non2xx3xx} / ${errorCount(report.fixed)} ${errorText(report.fixed)}`,
      report.fixed.failed === 0 ? "yes" : "NO",
    ],
    [
      "  p50 / p95 / p99",
      `${report.fixed.p50Ms} / ${report.fixed.p95Ms} / ${report.fixed.p99Ms} ms`,
      "—",
    ],
    [
      "highest mix rate held (0 errors, p95 < 200 ms)",
      report.mixed.heldRps == null ? "none" : `${report.mixed.heldRps} req/s`,
      "—",
    ],
    [
      "highest GET /floor rate held (same rule)",
      report.floor.heldRps == null ? "none" : `${report.floor.heldRps} req/s`,
      "—",
    ],
    [
      "mix vs floor, highest rates held",
      report.mixed.heldRps && report.floor.heldRps
        ? `${(report.mixed.heldRps / report.floor.heldRps).toFixed(2)}×`
        : "—",
      "—",
    ],
    [
      `overload ${report.overload.targetRps} req/s × ${report.overload.seconds} s: served / shed (503 + Retry-After)`,
      `${report.overload.sent - report.overload.shed - errorCount(report.overload)} / ${report.overload.shed}`,
      "—",
    ],
    [
      "  timeouts and errors / other non-2xx; served p95",
      `${errorCount(report.overload)} ${errorText(report.overload)} / ` +
        `${report.overload.non2xx3xx - report.overload.shed}; ${report.overload.servedP95Ms} ms`,
      shedCleanly(report.overload) ? "yes" : "NO",
    ],
    [
      "5xx answers other than shed 503s, all phases",
      String(count5xx(allPhases(report)) - allPhases(report).reduce((a, r) => a + r.shed, 0)),
      "—",
    ],
    [
      "acknowledged shares missing / wrong in the file",
      `${v.missingShares} / ${v.wrongShares} of ${v.acknowledgedShares}`,
      v.missingShares + v.wrongShares === 0 ? "yes" : "NO",
    ],
    [
      "accepted shares not Active / without event",
      `${v.acceptedNotActive} / ${v.acceptedWithoutEvent} of ${v.acceptedShares}`,
      v.acceptedNotActive + v.acceptedWithoutEvent === 0 ? "yes" : "NO",
    ],
    ["shares made but never acknowledged", String(v.unacknowledgedShares), "—"],
    [
      "PRAGMA integrity_check (SQLite)",
      v.integrityCheck,
      BENCH_DB === "postgres" ? "—" : v.integrityCheck === "ok" ? "yes" : "NO",
    ],
    ["other programs' CPU, mean / max of the phases", othersText(allPhases(report)), "—"],
    [
      "npm run bench seen during the load",
      report.otherBenchDuringRun ? "yes: figures skewed" : "no",
      report.otherBenchDuringRun ? "NO" : "yes",
    ],
    [
      "server log: SQLITE_BUSY lines / error lines",
      `${report.serverLog.busyLines} / ${report.serverLog.errorLines}`,
      report.serverLog.busyLines === 0 ? "yes" : "NO",
    ],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log(`\n${"figure".padEnd(w)}  ${"value".padEnd(36)}  ok?`);
  for (const [name, value, ok] of rows)
    console.log(`${name.padEnd(w)}  ${value.padEnd(36)}  ${ok}`);
  console.log(`\nWrote ${file}`);
}

const allPhases = (r: LoadReport) => [r.fixed, ...r.mixed.steps, r.overload, ...r.floor.steps];

/** Overload is handled when nothing timed out or failed and every refusal was a clear 503 + Retry-After. */
export const shedCleanly = (r: PhaseResult) => errorCount(r) === 0 && r.non2xx3xx === r.shed;

const errorCount = (r: PhaseResult) => Object.values(r.errors).reduce((a, n) => a + n, 0);
const errorText = (r: PhaseResult) =>
  errorCount(r)
    ? `(${Object.entries(r.errors)
        .map(([e, n]) => `${e}×${n}`)
        .join(" ")})`
    : "";

/** Other programs' CPU in % of one CPU: beyond a few %, the server had less than the machine. */
const othersText = (phases: PhaseResult[]) =>
  `${(phases.reduce((a, r) => a + r.othersCpuPct, 0) / phases.length).toFixed(0)} % / ` +
  `${Math.max(...phases.map((r) => r.othersCpuPct)).toFixed(0)} % of one CPU`;

export const count5xx = (phases: PhaseResult[]) =>
  phases.reduce(
    (sum, r) =>
      sum +
      Object.entries(r.statuses)
        .filter(([s]) => s.startsWith("5"))
        .reduce((a, [, n]) => a + n, 0),
    0,
  );
