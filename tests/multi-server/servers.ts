// Two (or more) production servers on one PostgreSQL database, for the multi-server suite
// (`npm run test:multi-server`): the app is built once into .next-bench (shared with the
// bench, rebuilt only when the sources changed), each server runs scripts/serve.ts as
// `npm start` does, with DATABASE_URL pointing at one fresh, migrated database.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDb, migrateDb, openDb, type Db } from "@/db/engine";
import { ensureBuild } from "@/bench/build";
import { getPage, signIn, startServer, type Server } from "@/bench/server";
import { createDatabase, dropDatabases, uniqueName, urlFor } from "@/tests/support/db/pg-admin";

export { getPage, signIn };

/**
 * Ports (MULTI_SERVER_PORTS="3316,3317,3318" by default): the first two for the pair of
 * servers, the third for the one the crash test starts and kills.
 */
const ALL_PORTS = (process.env.MULTI_SERVER_PORTS ?? "3316,3317,3318").split(",").map(Number);
export const PORTS = ALL_PORTS.slice(0, 2);
export const VICTIM_PORT = ALL_PORTS[2] ?? 3318;

export type AppServer = Server & { baseUrl: string; logFile: string; port: number };

export type Cluster = {
  url: string;
  /** The test's own pool on the servers' database (setup and checks). */
  db: Db;
  servers: AppServer[];
  logDir: string;
  /** Starts another server on `port` (e.g. to replace one that was killed). */
  start(port: number): Promise<AppServer>;
  stop(): Promise<void>;
};

/** Builds if needed, creates and migrates a fresh database, starts one server per port. */
export async function startCluster(
  ports: number[] = PORTS,
  env: Record<string, string> = {},
): Promise<Cluster> {
  ensureBuild();
  const name = uniqueName("multi");
  await createDatabase(name);
  const url = urlFor(name);
  const db = openDb({ kind: "postgres", url, poolSize: 4 });
  await migrateDb(db);
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), "keyshare-multi-"));
  const servers: AppServer[] = [];
  const start = async (port: number): Promise<AppServer> => {
    const logFile = path.join(logDir, `server-${port}-${servers.length}.log`);
    const server = await startServer([], {
      port,
      logFile,
      env: {
        DATABASE_URL: url,
        DATABASE_POOL_SIZE: "5",
        // One process per server: two servers are the point here, not cores.
        KEYSHARE_WORKERS: "1",
        KEYSHARE_BENCH: "0",
        REMINDER_INTERVAL_MS: "500",
        ...env,
      },
    });
    const s = { ...server, baseUrl: `http://127.0.0.1:${port}`, logFile, port };
    servers.push(s);
    return s;
  };
  try {
    for (const port of ports) await start(port);
  } catch (e) {
    await Promise.all(servers.map((s) => s.stop()));
    await closeDb(db);
    await dropDatabases([name]);
    throw e;
  }
  return {
    url,
    db,
    servers,
    logDir,
    start,
    async stop() {
      await Promise.all(servers.map((s) => s.stop()));
      await closeDb(db);
      await dropDatabases([name]);
      fs.rmSync(logDir, { recursive: true, force: true });
    },
  };
}

/** A GET with a session cookie (or none), redirects not followed. */
export async function fetchAs(
  baseUrl: string,
  pathname: string,
  cookie?: string,
  init: RequestInit = {},
): Promise<Response> {
  return fetch(`${baseUrl}${pathname}`, {
    redirect: "manual",
    ...init,
    headers: { ...(cookie ? { cookie } : {}), ...(init.headers as Record<string, string>) },
  });
}

/** Auth.js's credentials sign-in as a browser posts it; the response (no cookie parsing). */
export async function postSignIn(
  baseUrl: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { ...headers, "content-type": "application/x-www-form-urlencoded", cookie: jar },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/devices` }),
  });
}
