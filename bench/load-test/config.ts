// Settings of `npm run load` (scripts/load.ts). LOAD_QUICK=1 shortens every phase: a smoke
// test of the harness (10 s fixed load, 3 s steps), not a measurement.
import path from "node:path";
import { BENCH_DB, TMP_DIR } from "../config";

export const LOAD_QUICK = process.env.LOAD_QUICK === "1";
/** Ports 3600-3699 belong to the load test; the page bench uses 3300. */
export const LOAD_PORT = Number(process.env.LOAD_PORT ?? 3600);
if (!(LOAD_PORT >= 3600 && LOAD_PORT <= 3699))
  throw new Error("LOAD_PORT must be within 3600-3699");
export const LOAD_URL = `http://127.0.0.1:${LOAD_PORT}`;
export const LOAD_LOG = path.join(TMP_DIR, "load-server.log");
/** Each engine's last run (BENCH_DB=postgres: the load runs on a PostgreSQL database). */
export const RESULTS_FILE = path.join(
  process.cwd(),
  "bench",
  BENCH_DB === "postgres" ? "load-results-postgres.json" : "load-results.json",
);

/** Phase 1: a fixed rate of the mix. */
export const FIXED_RATE = 100;
export const FIXED_SECONDS = LOAD_QUICK ? 10 : 60;
/** Phase 2: the step test, from STEP_START up by STEP_SIZE until a step fails (or STEP_MAX). */
export const STEP_SECONDS = LOAD_QUICK ? 3 : 10;
export const STEP_START = 25;
export const STEP_SIZE = 25;
export const STEP_MAX = 2000;
/** Phase 3, overload: this many times the highest mix rate held, to see the server shed. */
export const OVERLOAD_FACTOR = 2;
export const OVERLOAD_SECONDS = LOAD_QUICK ? 5 : 20;
/** A step holds when it has no error at all and its p95 is below this. */
export const P95_LIMIT_MS = 200;

/** A request not fully answered this long after it was sent counts as an error: "timeout". */
export const REQUEST_TIMEOUT_MS = 10_000;
/** Requests in flight at once; a request due while all are busy is counted as dropped (an error). */
export const MAX_IN_FLIGHT = 1024;

/** The people: owners share, recipients accept; everyone signs in over HTTP once. */
export const OWNERS = 4;
export const RECIPIENTS = 10;
/** Devices per owner for the load's bulk shares: each share takes a fresh block of them. */
export const LOAD_DEVICES = 4_000;
export const DEVICES_PER_SHARE = 10;
/** Recipients per bulk share: one with an account (it will be accepted), the rest invited by email. */
export const INVITED_PER_SHARE = 2;
/** Bulk shares per owner written before the load (so lists and links are not empty at t = 0). */
export const SEED_SHARES = 40;

/**
 * The mix, as one cycle of request kinds repeated in order: 60 % list pages, 15 % bulk
 * shares, 10 % accepts, 15 % link pages. An accept with nothing left to accept becomes a
 * Shared with Me page.
 */
export type Kind = "byMe" | "withMe" | "devices" | "share" | "accept" | "link" | "floor";
export const MIX: Kind[] = [
  "byMe",
  "withMe",
  "devices",
  "link",
  "share",
  "byMe",
  "accept",
  "withMe",
  "devices",
  "link",
  "byMe",
  "withMe",
  "share",
  "devices",
  "link",
  "byMe",
  "accept",
  "withMe",
  "devices",
  "share",
];
