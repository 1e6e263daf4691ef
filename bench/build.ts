// Builds the app into its own dist dir (never the .next others serve from), skipping the
// build when the stamp says it was made from exactly the current sources.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { sourceHash } from "../scripts/build-stamp";
import { DIST_DIR, ROOT } from "./config";

// `next build` rewrites these two shared files to point at its dist dir; they are put back
// so a bench run leaves no trace in the working tree.
const TOUCHED = ["tsconfig.json", "next-env.d.ts"];

export function ensureBuild(): { built: boolean; seconds: number } {
  const stamp = path.join(ROOT, DIST_DIR, "keyshare-source-hash");
  // Hashed before building: a file edited during the build makes the next run rebuild.
  const hash = sourceHash();
  const current =
    fs.existsSync(path.join(ROOT, DIST_DIR, "BUILD_ID")) &&
    fs.existsSync(stamp) &&
    fs.readFileSync(stamp, "utf8") === hash;
  if (current) return { built: false, seconds: 0 };

  console.log(`Building into ${DIST_DIR} (sources changed or no build yet)…`);
  const saved = new Map(TOUCHED.map((f) => [f, fs.readFileSync(path.join(ROOT, f), "utf8")]));
  const started = performance.now();
  try {
    const r = spawnSync(
      process.execPath,
      [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"],
      {
        cwd: ROOT,
        stdio: "inherit",
        env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" },
      },
    );
    if (r.status !== 0) throw new Error(`next build failed (exit ${r.status ?? r.signal})`);
  } finally {
    for (const [f, text] of saved) {
      const file = path.join(ROOT, f);
      if (fs.readFileSync(file, "utf8") !== text) fs.writeFileSync(file, text);
    }
  }
  fs.writeFileSync(stamp, hash);
  return { built: true, seconds: (performance.now() - started) / 1000 };
}
