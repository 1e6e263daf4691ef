// `npx tsx bench/profile-page.ts [/path] [seconds]`: the bench data and server (one worker,
// KEYSHARE_WORKERS=1) under --cpu-prof, loaded on one page with 4 connections; the profile
// lands in bench/tmp/prof. Prints req/s and server CPU per request of the page and /floor.
import "./engine-env";
import fs from "node:fs";
import path from "node:path";
import { ensureBuild } from "./build";
import { PASSWORD, TMP_DIR } from "./config";
import { load, summarize } from "./load";
import { OWNER_EMAIL, RECIPIENT_EMAIL, seedHttpDb } from "./seed-http";
import { signIn, startServer } from "./server";

const page = process.argv[2] ?? "/shared-with-me";
const seconds = Number(process.argv[3] ?? 10);
const profile = process.env.PROFILE !== "0";
const reuse = process.env.REUSE_DB === "1";

async function main() {
  ensureBuild();
  const dir = path.join(TMP_DIR, "prof");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const seed = reuse ? null : await seedHttpDb(Date.now());
  const server = await startServer(profile ? ["--cpu-prof", `--cpu-prof-dir=${dir}`] : [], {
    env: { ...(seed?.where.env ?? {}), KEYSHARE_WORKERS: process.env.KEYSHARE_WORKERS ?? "2" },
  });
  try {
    const who = page === "/shared-with-me" ? RECIPIENT_EMAIL : OWNER_EMAIL;
    const cookie = await signIn(who, PASSWORD);
    await load(page, cookie, 3, 4, server.pid);
    await load("/floor", cookie, 3, 4, server.pid);
    for (let i = 0; i < Number(process.env.ROUNDS ?? 1); i++) {
      const f1 = await load("/floor", cookie, seconds / 2, 4, server.pid);
      const p1 = await load(page, cookie, seconds / 2, 4, server.pid);
      const p2 = await load(page, cookie, seconds / 2, 4, server.pid);
      const f2 = await load("/floor", cookie, seconds / 2, 4, server.pid);
      const f = summarize(f1, f2);
      const p = summarize(p1, p2);
      const load3 = fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
      console.log(
        [
          `floor ${f.rps.toFixed(1)} req/s cpu ${f.cpuMsPerRequest.toFixed(2)} ms`,
          `${page} ${p.rps.toFixed(1)} req/s cpu ${p.cpuMsPerRequest.toFixed(2)} ms`,
          `ratio ${(p.rps / f.rps).toFixed(3)} cpu ${(p.cpuMsPerRequest / f.cpuMsPerRequest).toFixed(2)}x`,
          `load ${load3}`,
        ].join(" | "),
      );
    }
  } finally {
    await server.stop();
  }
}
main().then(
  () => process.exit(0),
  (e) => (console.error(e), process.exit(1)),
);
