// Runs tests/support/child.ts in separate processes. The child is bundled once with esbuild
// (a plain `node child.mjs` starts in ~100 ms; 50 `tsx` processes would take many seconds).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { isPostgresUrl } from "@/db/engine";
import type { Job, JobResult } from "./child";

export type { Job, JobResult };
const OUT_DIR = path.resolve("node_modules/.cache/keyshare-trust-tests");
let bundled: Promise<string> | undefined;
/** Imports that only work inside a Next.js request, replaced by tests/support/child-stubs.ts. */
const STUBBED_MODULES = [
  "next/cache",
  "next/navigation",
  "next/headers",
  "next-auth",
  "@/lib/accounts/auth",
  "@/lib/accounts/session",
  "@/lib/platform/email/worker",
];
const STUBBED = new RegExp(`^(${STUBBED_MODULES.join("|")})$`);

export function childScript(): Promise<string> {
  bundled ??= (async () => {
    const outfile = path.join(OUT_DIR, `child-${process.pid}.mjs`);
    await build({
      entryPoints: [path.resolve("tests/support/child.ts")],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      outfile,
      external: ["better-sqlite3", "pg"],
      logLevel: "error",
      minify: true,
      tsconfig: path.resolve("tsconfig.json"),
      banner: {
        js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
      },
      plugins: [
        {
          name: "stubs",
          setup: (b) =>
            b.onResolve({ filter: STUBBED }, () => ({
              path: path.resolve("tests/support/child-stubs.ts"),
            })),
        },
      ],
    });
    return outfile;
  })();
  return bundled;
}

const tempDirs: string[] = [];
export function tempDbPath(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keyshare-trust-"));
  tempDirs.push(dir);
  return path.join(dir, `${name}.db`);
}

/** Removes the bundle and the temporary databases of this test file. */
export async function cleanup(): Promise<void> {
  if (bundled) fs.rmSync(await bundled, { force: true });
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export type Child = {
  proc: ChildProcess;
  lines: string[];
  ready: Promise<void>;
  line: (want: string) => Promise<void>;
  done: Promise<JobResult | null>;
};

/** Starts a child on `job`; it waits for go() before running. `done` is null when it was killed. */
export async function startChild(job: Job): Promise<Child> {
  // The child's engine comes from its environment at start-up, as a server's does: the
  // tables "@/db/schema" exports are chosen when the module loads.
  const env = isPostgresUrl(job.db)
    ? { ...process.env, DATABASE_URL: job.db, DATABASE_POOL_SIZE: "2" }
    : { ...process.env, DATABASE_URL: "", DATABASE_PATH: job.db };
  const proc = spawn(process.execPath, [await childScript(), JSON.stringify(job)], {
    stdio: ["pipe", "pipe", "inherit"],
    env,
  });
  const lines: string[] = [];
  const waiters: { want: string; resolve: () => void }[] = [];
  let buf = "";
  proc.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    buf += chunk;
    let i: number;
    while ((i = buf.indexOf("\n")) >= 0) {
      const l = buf.slice(0, i);
      buf = buf.slice(i + 1);
      lines.push(l);
      for (const w of waiters.filter((x) => x.want === l)) w.resolve();
    }
  });
  const line = (want: string) =>
    lines.includes(want)
      ? Promise.resolve()
      : new Promise<void>((resolve) => waiters.push({ want, resolve }));
  const done = new Promise<JobResult | null>((resolve, reject) => {
    proc.on("error", reject);
    // "close", not "exit": it comes after the last stdout data, so the result line is there.
    proc.on("close", (code, signal) => {
      if (signal) return resolve(null);
      const last = lines.at(-1) ?? "";
      if (code !== 0 || !last.startsWith("{"))
        return reject(new Error(`child exited ${code}: ${lines.join(" | ")}`));
      resolve(JSON.parse(last) as JobResult);
    });
  });
  return { proc, lines, ready: line("ready"), line, done };
}

export const go = (c: Child) => c.proc.stdin!.write("go\n");

/** Starts every job, waits until all are ready, then releases them together. */
export async function race(jobs: Job[]): Promise<JobResult[]> {
  const children = await Promise.all(jobs.map(startChild));
  await Promise.all(children.map((c) => c.ready));
  children.forEach(go);
  return (await Promise.all(children.map((c) => c.done))) as JobResult[];
}
