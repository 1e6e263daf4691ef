// The figures, as bench/results.json and as a table. A missed budget is printed as MISS
// but does not fail the run: the exit code reports crashes only.
import { execSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { BENCH_DB, QUICK, ROOT } from "./config";

/** bench/results.json for SQLite, bench/results-postgres.json for PostgreSQL. */
export const RESULTS_FILE = path.join(
  ROOT,
  "bench",
  BENCH_DB === "postgres" ? "results-postgres.json" : "results.json",
);

export type Metric = {
  name: string;
  value: number;
  unit: string;
  /** null: reported for context, no budget. */
  target: number | null;
  lowerIsBetter: boolean;
};

export const met = (m: Metric): boolean | null =>
  m.target == null ? null : m.lowerIsBetter ? m.value <= m.target : m.value >= m.target;

export function machine() {
  const cpu =
    fs.readFileSync("/proc/cpuinfo", "utf8").match(/^model name\s*:\s*(.+)$/m)?.[1] ??
    os.cpus()[0]?.model ??
    "unknown";
  let nproc = os.availableParallelism();
  try {
    nproc = Number(execSync("nproc", { encoding: "utf8" }).trim()); // honours CPU affinity / cgroup limits
  } catch {
    // keep Node's figure
  }
  return { nproc, cpu, ramGb: Math.round(os.totalmem() / 2 ** 30), node: process.version };
}

const fmt = (v: number) =>
  Math.abs(v) >= 100
    ? v.toFixed(0)
    : Math.abs(v) >= 10
      ? v.toFixed(1)
      : v.toFixed(3).replace(/0+$/, "").replace(/\.$/, "");

/** 1-minute load averages at the start and end: above nproc, other programs shared the CPUs. */
export function report(metrics: Metric[], loadAtStart: number): void {
  const file = RESULTS_FILE;
  const load = { start: Number(loadAtStart.toFixed(2)), end: Number(os.loadavg()[0].toFixed(2)) };
  const doc = {
    engine: BENCH_DB,
    quick: QUICK,
    when: new Date().toISOString(),
    machine: { ...machine(), loadAverage1m: load },
    metrics,
  };
  fs.writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
  const rows = metrics.map((m) => {
    const ok = met(m);
    const budget = m.target == null ? "—" : `${m.lowerIsBetter ? "≤" : "≥"} ${fmt(m.target)}`;
    return [m.name, `${fmt(m.value)} ${m.unit}`, budget, ok == null ? "" : ok ? "ok" : "MISS"];
  });
  const header = ["metric", "value", "budget", "met"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join("  ");
  console.log(`\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`);
  for (const r of rows) console.log(line(r));
  const missed = metrics.filter((m) => met(m) === false);
  console.log(
    missed.length ? `\nMISS: ${missed.map((m) => m.name).join(", ")}` : "\nAll budgets met.",
  );
  if (Math.max(load.start, load.end) > doc.machine.nproc) {
    console.log(
      `WARNING: load average ${load.start} → ${load.end} on ${doc.machine.nproc} CPUs: ` +
        "other programs competed for the CPU; figures are pessimistic.",
    );
  }
  if (QUICK)
    console.log(
      "(BENCH_QUICK=1: data at 1/10 scale, short load phases — budgets are for the full run.)",
    );
  console.log(`Wrote ${path.relative(ROOT, file)}`);
}
