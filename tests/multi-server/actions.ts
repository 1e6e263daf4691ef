// Server actions called over HTTP, as the browser's client bundle calls them: the action's id
// (from the build's manifest, found by its exported name), its arguments as the body, the
// caller's session cookie.
import fs from "node:fs";
import path from "node:path";
import { DIST_DIR, ROOT } from "@/bench/config";

type Manifest = { node: Record<string, { exportedName?: string; filename?: string }> };
let manifest: Manifest | undefined;

export function actionId(name: string): string {
  manifest ??= JSON.parse(
    fs.readFileSync(path.join(ROOT, DIST_DIR, "server", "server-reference-manifest.json"), "utf8"),
  ) as Manifest;
  const ids = Object.entries(manifest.node).filter(([, v]) => v.exportedName === name);
  if (ids.length !== 1) throw new Error(`${ids.length} server actions named ${name}`);
  return ids[0][0];
}

/** POSTs the action at `pathname`; resolves to the HTTP status and the (RSC) body. */
export async function callAction(
  baseUrl: string,
  pathname: string,
  cookie: string,
  name: string,
  args: unknown[],
): Promise<{ status: number; body: string }> {
  const res = await fetch(`${baseUrl}${pathname}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      cookie,
      "next-action": actionId(name),
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
    },
    body: JSON.stringify(args.map((a) => (a === undefined ? "$undefined" : a))),
  });
  return { status: res.status, body: await res.text() };
}
