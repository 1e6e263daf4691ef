// Calling a server action by hand, the way an attacker who read the client bundle would:
// its id from the build's manifest, its arguments in the body, the caller's cookies.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";

type Manifest = { node: Record<string, { exportedName?: string; filename?: string }> };

/** The id of `file`'s exported action `name` (e.g. "lib/actions/share-respond.ts", "acceptShareAction"). */
export function actionId(file: string, name: string): string {
  const dist = process.env.NEXT_DIST_DIR || ".next";
  const manifest = JSON.parse(
    fs.readFileSync(path.join(dist, "server", "server-reference-manifest.json"), "utf8"),
  ) as Manifest;
  const hit = Object.entries(manifest.node).find(
    ([, v]) => v.exportedName === name && v.filename?.endsWith(file),
  );
  if (!hit) throw new Error(`no action ${name} in ${file}`);
  return hit[0];
}

/** POSTs the action with the page's cookies; `args` are the action's arguments (prev state, input). */
export async function callActionAs(
  page: Page,
  at: string,
  id: string,
  args: unknown[],
): Promise<number> {
  const body = JSON.stringify(args.map((a) => (a === undefined ? "$undefined" : a)));
  const res = await page.request.post(at, {
    headers: {
      "next-action": id,
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
    },
    data: body,
  });
  return res.status();
}
