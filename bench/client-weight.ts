// (e) First-load JS per page, gzipped, from the build output. Turbopack builds print no
// sizes, so the set of files is read from the manifests: the root main files every page
// loads (build-manifest.json) plus the chunks of the page's layouts and page entry (its
// client-reference manifest). Polyfills are left out: only legacy browsers load them.
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import zlib from "node:zlib";
import { DIST_DIR, ROOT } from "./config";

type RscManifest = { entryJSFiles?: Record<string, string[]> };

export function firstLoadFiles(route: string): string[] {
  const dist = path.join(ROOT, DIST_DIR);
  const build = JSON.parse(fs.readFileSync(path.join(dist, "build-manifest.json"), "utf8")) as {
    rootMainFiles: string[];
  };
  const page = `${route}/page`;
  const file = path.join(dist, "server", "app", route, "page_client-reference-manifest.js");
  // The manifest is a script assigning globalThis.__RSC_MANIFEST[page]: run it in a sandbox.
  const sandbox: { __RSC_MANIFEST?: Record<string, RscManifest> } = {};
  vm.runInNewContext(fs.readFileSync(file, "utf8"), sandbox);
  const entries = sandbox.__RSC_MANIFEST?.[page]?.entryJSFiles;
  if (!entries) throw new Error(`no entryJSFiles for ${page} in ${file}`);
  return [...new Set([...build.rootMainFiles, ...Object.values(entries).flat()])];
}

/** The module scripts a served page actually references (a check on the manifest reading). */
export function scriptsInHtml(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="\/_next\/([^"]+\.js)"[^>]*>/g)) {
    if (!/\bnoModule\b/i.test(m[0])) out.add(m[1]);
  }
  return [...out];
}

export function gzippedKb(files: string[]): number {
  const bytes = files.reduce(
    (sum, f) =>
      sum + zlib.gzipSync(fs.readFileSync(path.join(ROOT, DIST_DIR, f)), { level: 9 }).length,
    0,
  );
  return bytes / 1024;
}

/** Gzipped first-load JS of a route; files the served HTML loads beyond the manifests count too. */
export function clientWeightKb(
  route: string,
  html: string,
): { kb: number; files: number; extra: string[] } {
  const files = firstLoadFiles(route);
  const extra = scriptsInHtml(html).filter((f) => !files.includes(f));
  return { kb: gzippedKb([...files, ...extra]), files: files.length + extra.length, extra };
}
