// An open-loop paced load: request i is due at t0 + i / rate whatever the server does, and its
// time runs from when it was due (no coordinated omission: a slow server cannot slow the
// load down and hide its own queue). Every answer other than 200 and every error counts.
import { execSync } from "node:child_process";
import fs from "node:fs";
import { setImmediate as yieldLoop, setTimeout as sleep } from "node:timers/promises";
import { percentile } from "../load";
import { cpuMs } from "../server";
import { MAX_IN_FLIGHT, P95_LIMIT_MS, type Kind } from "./config";
import type { Reply } from "./http";

/** One request: `check` may look at the reply (e.g. record the shares made) and veto it. */
export type Job = { kind: Kind; send: () => Promise<Reply>; check?: (r: Reply) => boolean };

export type KindStats = { requests: number; p50Ms: number; p95Ms: number };
export type PhaseResult = {
  label: string;
  targetRps: number;
  seconds: number;
  sent: number;
  answeredRps: number;
  /** Count per HTTP status, and per error ("timeout", "ECONNRESET", "dropped": no free slot). */
  statuses: Record<string, number>;
  errors: Record<string, number>;
  non2xx3xx: number;
  /** 503 answers with a Retry-After: the server shedding load on purpose (scripts/admission). */
  shed: number;
  /** p95 of the requests that were served (not shed): what admitted users saw. */
  servedP95Ms: number;
  /** Answers that were not the expected 200 (a 3xx to sign-in, a 5xx, a 4xx…) plus errors. */
  failed: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  serverCpuMsPerRequest: number;
  /** CPU the load generator used, and other programs on the machine, in % of one CPU. */
  clientCpuPct: number;
  othersCpuPct: number;
  byKind: Partial<Record<Kind, KindStats>>;
  /** p95 of the requests due in each 10 s of the phase: a queue that keeps growing shows here. */
  p95By10s: number[];
  maxInFlight: number;
  held: boolean;
};

const round = (v: number) => Number(v.toFixed(1));
const TICK_MS = 1000 / (Number(execSync("getconf CLK_TCK", { encoding: "utf8" }).trim()) || 100);

/** CPU ms the whole machine has spent busy (user, nice, system, irq, softirq, steal), all CPUs. */
function machineBusyMs(): number {
  const f = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).map(Number);
  return (f[1] + f[2] + f[3] + f[6] + f[7] + f[8]) * TICK_MS;
}
const ownCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const bump = (m: Record<string, number>, k: string) => (m[k] = (m[k] ?? 0) + 1);

export async function runPhase(
  label: string,
  rate: number,
  seconds: number,
  next: (i: number) => Job,
  pid: number,
): Promise<PhaseResult> {
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const statuses: Record<string, number> = {};
  const errors: Record<string, number> = {};
  const times: number[] = [];
  const kindTimes = new Map<Kind, number[]>();
  const windowTimes: number[][] = [];
  let maxInFlight = 0;
  let failed = 0;
  let non2xx3xx = 0;
  let shed = 0;
  const servedTimes: number[] = [];
  const inflight = new Set<Promise<void>>();
  const cpuBefore = cpuMs(pid);
  const machineBefore = machineBusyMs();
  const clientBefore = ownCpuMs();
  const t0 = performance.now();
  for (let i = 0; i < total; i++) {
    const due = t0 + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    else if (i % 8 === 0) await yieldLoop(); // behind schedule: still let answers in
    const job = next(i);
    if (inflight.size >= MAX_IN_FLIGHT) {
      bump(errors, "dropped");
      failed++;
      continue;
    }
    const done = job.send().then(
      (reply) => {
        const ms = performance.now() - due;
        times.push(ms);
        if (!kindTimes.has(job.kind)) kindTimes.set(job.kind, []);
        kindTimes.get(job.kind)!.push(ms);
        (windowTimes[Math.floor((due - t0) / 10_000)] ??= []).push(ms);
        bump(statuses, String(reply.status));
        if (reply.status < 200 || reply.status >= 400) non2xx3xx++;
        if (reply.status === 503 && reply.retryAfter) shed++;
        else servedTimes.push(ms);
        const ok = reply.status === 200 && (job.check?.(reply) ?? true);
        if (!ok) failed++;
      },
      (e: unknown) => {
        bump(errors, (e as { code?: string }).code ?? (e instanceof Error ? e.message : String(e)));
        failed++;
      },
    );
    const tracked = done.finally(() => inflight.delete(tracked));
    inflight.add(tracked);
    maxInFlight = Math.max(maxInFlight, inflight.size);
  }
  const sendSeconds = (performance.now() - t0) / 1000;
  await Promise.all(inflight);
  const server = cpuMs(pid) - cpuBefore;
  const client = ownCpuMs() - clientBefore;
  const wallMs = performance.now() - t0;
  const others = machineBusyMs() - machineBefore - server - client;
  const sorted = Float64Array.from(times).sort();
  const byKind: Partial<Record<Kind, KindStats>> = {};
  for (const [kind, ts] of kindTimes) {
    const s = Float64Array.from(ts).sort();
    byKind[kind] = {
      requests: s.length,
      p50Ms: round(percentile(s, 50)),
      p95Ms: round(percentile(s, 95)),
    };
  }
  const p95Ms = round(percentile(sorted, 95));
  return {
    label,
    targetRps: rate,
    seconds,
    sent: total,
    answeredRps: round(times.length / Math.max(seconds, sendSeconds)),
    statuses,
    errors,
    non2xx3xx,
    shed,
    failed,
    servedP95Ms: round(percentile(Float64Array.from(servedTimes).sort(), 95)),
    p50Ms: round(percentile(sorted, 50)),
    p95Ms,
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted[sorted.length - 1] ?? NaN),
    serverCpuMsPerRequest: round(server / Math.max(1, times.length)),
    byKind,
    maxInFlight,
    clientCpuPct: round((100 * client) / wallMs),
    othersCpuPct: round((100 * Math.max(0, others)) / wallMs),
    p95By10s: Array.from(windowTimes, (w) =>
      round(percentile(Float64Array.from(w ?? []).sort(), 95)),
    ),
    held: failed === 0 && p95Ms < P95_LIMIT_MS,
  };
}
