/**
 * The production server behind `npm start`: Next.js in KEYSHARE_WORKERS processes (default:
 * one per CPU, at most 4) that share the port through node:cluster, so every core renders
 * pages (one Next.js process uses one core). Each worker sheds load beyond
 * KEYSHARE_MAX_IN_FLIGHT concurrent requests with 503 + Retry-After (scripts/admission).
 * A worker that dies is replaced; SIGINT/SIGTERM let requests in flight finish first.
 * Expects the environment scripts/start.ts prepares (database migrated, AUTH_SECRET set).
 * Every worker opens the engine DATABASE_URL selects (db/engine): with PostgreSQL, several
 * `npm start` processes on several machines share one database and agree.
 */
import cluster from "node:cluster";
import http from "node:http";
import os from "node:os";
import next from "next";
import { engineKindFromEnv } from "../db/engine/config";
import { admittingListener, createAdmission } from "./admission";
import { trustedProxyHops } from "../lib/request/client-address";
import { guardRequest, hstsWanted } from "../lib/request/request-guard";

const port = Number(process.env.PORT ?? 3000);
const workers = positive("KEYSHARE_WORKERS", Math.min(os.availableParallelism(), 4));
const maxInFlight = positive("KEYSHARE_MAX_IN_FLIGHT", 48);
const guard = { trustedHops: trustedProxyHops(), hsts: hstsWanted(process.env.APP_URL) };

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`${name} must be a positive integer, not "${raw}"`);
  return n;
}

if (cluster.isPrimary && workers > 1) runPrimary();
else void runWorker();

function runPrimary() {
  let stopping = false;
  const listening = new Set<number>();
  const stopAll = (sig: NodeJS.Signals) => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(sig);
  };
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on("listening", (worker) => listening.add(worker.id));
  cluster.on("exit", (worker, code, signal) => {
    if (!stopping && !listening.has(worker.id)) {
      // It never got to serve (a taken port, a missing build): another try would fail alike.
      console.error(
        `[serve] worker ${worker.process.pid} could not start (${signal ?? code}); stopping`,
      );
      process.exitCode = 1;
      stopAll("SIGTERM");
    }
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
      return;
    }
    console.error(
      `[serve] worker ${worker.process.pid} ended (${signal ?? code}); starting another`,
    );
    setTimeout(() => cluster.fork(), 1000);
  });
  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    process.on(sig, () => {
      if (!stopping) stopAll(sig);
    });
  }
}

async function runWorker() {
  // Before Next.js loads React, which picks its production build from NODE_ENV.
  Object.assign(process.env, { NODE_ENV: "production" });
  const app = next({ dev: false, dir: process.cwd(), hostname: "localhost", port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const admission = createAdmission(maxInFlight);

  const admit = admittingListener(admission, handle);
  const server = http.createServer((req, res) => {
    guardRequest(req, res, guard);
    admit(req, res);
  });
  server.keepAliveTimeout = 65_000;
  server.on("error", (err) => {
    console.error("[serve] could not listen:", err);
    process.exit(1);
  });
  // Every interface, like `next start`.
  server.listen(port, () => {
    if (cluster.isPrimary || cluster.worker?.id === 1)
      console.log(
        `[serve] ready on port ${port}: ${workers} worker process(es), ` +
          `at most ${maxInFlight} requests in flight each, ${engineKindFromEnv()} database`,
      );
  });

  let closing = false;
  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    process.on(sig, () => {
      if (closing) return;
      closing = true;
      server.close(() => void app.close().finally(() => process.exit(0)));
      server.closeIdleConnections();
      // Requests that never end must not keep the process alive.
      setTimeout(() => process.exit(0), 10_000).unref();
    });
  }
}
