import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// The build is current when .next holds a build of exactly these sources.
const ROOTS = ["app", "components", "lib", "db", "public"];
const FILES = [
  "next.config.js",
  "package.json",
  "package-lock.json",
  "postcss.config.mjs",
  "tsconfig.json",
];
const distDir = () => process.env.NEXT_DIST_DIR || ".next";
const stampFile = () => path.join(distDir(), "keyshare-source-hash");

function walk(dir: string, out: string[]) {
  if (!fs.existsSync(dir)) return;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (!e.name.endsWith(".test.ts")) out.push(p);
  }
}

export function sourceHash(): string {
  const files: string[] = [];
  for (const r of ROOTS) walk(r, files);
  for (const f of FILES) if (fs.existsSync(f)) files.push(f);
  const h = createHash("sha256");
  for (const f of files.sort()) h.update(f).update("\0").update(fs.readFileSync(f)).update("\0");
  return h.digest("hex");
}

export function buildIsCurrent(): boolean {
  if (!fs.existsSync(path.join(distDir(), "BUILD_ID")) || !fs.existsSync(stampFile())) return false;
  return fs.readFileSync(stampFile(), "utf8") === sourceHash();
}

export function writeBuildStamp(): void {
  fs.writeFileSync(stampFile(), sourceHash());
}
