// The production server under test (`next start` from the bench dist dir), signing in over
// HTTP exactly as a browser does, and sampling the server's memory while it is loaded.
import { execSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { AUTH_SECRET, BASE_URL, DIST_DIR, HTTP_DB, PORT, ROOT, TMP_DIR } from "./config";

export type Server = { pid: number; stop: () => Promise<void> };
/** Another port, database, log file or extra env (the load test, scripts/load.ts, runs on its own). */
export type ServerOptions = {
  port?: number;
  db?: string;
  logFile?: string;
  env?: Record<string, string>;
};

/** `nodeArgs` e.g. ["--cpu-prof"] to profile the server while it is loaded. */
export async function startServer(
  nodeArgs: string[] = [],
  opts: ServerOptions = {},
): Promise<Server> {
  const port = opts.port ?? PORT;
  const baseUrl = `http://127.0.0.1:${port}`;
  const logFile = opts.logFile ?? path.join(TMP_DIR, "server.log");
  const log = fs.openSync(logFile, "w");
  // The server users run (`npm start` serves through scripts/serve.ts), under tsx like there.
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeArgs, "--import", "tsx", path.join(ROOT, "scripts/serve.ts")],
    {
      cwd: ROOT,
      stdio: ["ignore", log, log],
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(port),
        NEXT_DIST_DIR: DIST_DIR,
        DATABASE_PATH: opts.db ?? HTTP_DB,
        AUTH_SECRET,
        AUTH_TRUST_HOST: "true",
        APP_URL: baseUrl,
        KEYSHARE_SEED: "0",
        KEYSHARE_BENCH: "1",
        // The API bench drives one token far past the per-token limit on purpose.
        KEYSHARE_API_RATE_LIMIT: "1000000000",
        NEXT_TELEMETRY_DISABLED: "1",
        ...opts.env,
      },
    },
  );
  let exited = false;
  child.on("exit", () => (exited = true));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`next start exited early; see ${logFile}`);
    if (Date.now() > deadline) throw new Error("next start did not answer within 60 s");
    const ok = await fetch(`${baseUrl}/sign-in`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** The Cookie header of a signed-in session, through Auth.js's own credentials endpoint. */
export async function signIn(email: string, password: string, baseUrl = BASE_URL): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiePairs(csrf.headers.getSetCookie());
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/devices` }),
  });
  const session = cookiePairs(res.headers.getSetCookie()).find((c) =>
    c.startsWith("authjs.session-token="),
  );
  if (!session) throw new Error(`sign-in as ${email} failed (HTTP ${res.status})`);
  return session;
}

const cookiePairs = (setCookies: string[]) => setCookies.map((c) => c.split(";")[0]);

/** Signed-in GET whose body must be the real page (not the sign-in redirect). */
export async function getPage(
  pathname: string,
  cookie: string,
  mustContain: string,
  baseUrl = BASE_URL,
): Promise<string> {
  const res = await fetch(`${baseUrl}${pathname}`, { headers: { cookie }, redirect: "manual" });
  const html = await res.text();
  if (res.status !== 200 || !html.includes(mustContain)) {
    throw new Error(
      `GET ${pathname} gave HTTP ${res.status} without "${mustContain}": the measurement would be of the wrong page`,
    );
  }
  return html;
}

/** The process and its descendants: `next start` may serve from a child process. */
function processTree(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    const tasks = `/proc/${out[i]}/task`;
    if (!fs.existsSync(tasks)) continue;
    for (const t of fs.readdirSync(tasks)) {
      const children = fs.readFileSync(`${tasks}/${t}/children`, "utf8").trim();
      if (children) out.push(...children.split(/\s+/).map(Number));
    }
  }
  return out;
}

function statusKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const m = fs
      .readFileSync(`/proc/${pid}/status`, "utf8")
      .match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0; // the process ended between listing and reading
  }
}

/**
 * Polls the tree's resident memory every 50 ms. `stop()` gives the largest sum seen, and the
 * kernel's own high-water mark (VmHWM, which also covers spikes between two polls), in MB.
 */
export function sampleRss(pid: number): { stop: () => { polledMb: number; hwmMb: number } } {
  let peakKb = 0;
  const poll = () => {
    peakKb = Math.max(
      peakKb,
      processTree(pid).reduce((sum, p) => sum + statusKb(p, "VmRSS"), 0),
    );
  };
  poll();
  const timer = setInterval(poll, 50);
  return {
    stop: () => {
      clearInterval(timer);
      poll();
      const hwm = processTree(pid).reduce((sum, p) => sum + statusKb(p, "VmHWM"), 0);
      return { polledMb: peakKb / 1024, hwmMb: hwm / 1024 };
    },
  };
}

const TICKS_PER_SECOND = Number(execSync("getconf CLK_TCK", { encoding: "utf8" }).trim()) || 100;

/**
 * CPU time (user + system, all threads) the server has used, in ms: the process and its
 * worker processes. Per request, it is the figure least moved by other programs on a shared
 * machine, unlike requests/s.
 */
export function cpuMs(pid: number): number {
  return processTree(pid).reduce((sum, p) => sum + processCpuMs(p), 0);
}

function processCpuMs(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND; // utime, stime
  } catch {
    return 0; // the process ended between listing and reading
  }
}
