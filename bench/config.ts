// Shared settings of the benchmark. BENCH_QUICK=1 runs every data set at 1/10 of its size
// and every load phase for 3 s instead of 10 s: a smoke test of the harness, not of budgets.
import path from "node:path";

export const QUICK = process.env.BENCH_QUICK === "1";
/** The engine measured: BENCH_DB=postgres, or SQLite by default (bench/databases.ts). */
export const BENCH_DB: "sqlite" | "postgres" =
  process.env.BENCH_DB === "postgres" ? "postgres" : "sqlite";
/** checkAccess p99 budget at 1,000,000 share items: 0.2 ms in process on SQLite, 1 ms on
 * PostgreSQL, where each check is a round trip to the server (issues 14 and 16). */
export const ACCESS_P99_BUDGET_MS = BENCH_DB === "postgres" ? 1 : 0.2;
/** Scales a fleet-size count down for the quick run. */
export const scaled = (n: number): number => (QUICK ? Math.max(1, Math.round(n / 10)) : n);

export const ROOT = process.cwd();
export const DIST_DIR = ".next-bench";
export const TMP_DIR = path.join(ROOT, "bench", "tmp");
export const HTTP_DB = path.join(TMP_DIR, "bench.db");
export const PORT = 3300;
export const BASE_URL = `http://127.0.0.1:${PORT}`;
// Fixed, throw-away secret: the bench database and its sessions are deleted on every run.
export const AUTH_SECRET = "keyshare-bench-secret-not-for-production-0123456789";
export const PASSWORD = "bench-password-1";

/** Seconds of measured load per page; a short warm-up runs before each. */
export const LOAD_SECONDS = QUICK ? 3 : 10;
export const WARMUP_SECONDS = QUICK ? 1 : 3;
// Throughput is measured with 4 connections, which keep the server (a Node process per CPU,
// each one JS thread) saturated on this small machine. Latency is measured with 1 connection: under N
// connections a request mostly waits behind N-1 others (p95 ≈ N × service time), which
// measures the queue rather than the page.
export const CONNECTIONS = 4;
export const LATENCY_CONNECTIONS = 1;
