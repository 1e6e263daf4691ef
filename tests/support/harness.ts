// Shared by the action-level tests: the state the module mocks read (current user, the
// per-test database), Next's control-flow errors, and a dump of every table.
// No runtime import of "@/db/client" here: the mocked module imports this file.
import fs from "node:fs";
import path from "node:path";
import { is } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";
import type { User } from "@/db/schema";

export const state: { db: Db | null; user: User | null } = { db: null, user: null };

export function currentDb(): Db {
  if (!state.db) throw new Error("test database not set");
  return state.db;
}

/** Errors shaped like the ones next/navigation throws, so isNextControlFlow lets them through. */
export function nextRedirect(url: string): never {
  throw Object.assign(new Error("NEXT_REDIRECT"), { digest: `NEXT_REDIRECT;replace;${url};307;` });
}
export function nextNotFound(): never {
  throw Object.assign(new Error("NEXT_HTTP_ERROR_FALLBACK;404"), {
    digest: "NEXT_HTTP_ERROR_FALLBACK;404",
  });
}
export const navigationMock = {
  redirect: nextRedirect,
  permanentRedirect: nextRedirect,
  notFound: nextNotFound,
  forbidden: nextNotFound,
  unauthorized: nextNotFound,
};

export function isNextRedirect(e: unknown): boolean {
  const digest = (e as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && digest.startsWith("NEXT_REDIRECT");
}

/**
 * Every row of every table, in a stable order. Left out: migrations bookkeeping, and the
 * rate-limit counters, which count refused sign-in and sign-up attempts on purpose.
 */
export async function dumpDb(db: Db): Promise<string> {
  const out: Record<string, string[]> = {};
  for (const [name, table] of Object.entries(schema).sort(([x], [y]) => x.localeCompare(y))) {
    if (!is(table, PgTable) && !is(table, SQLiteTable)) continue;
    if (name === "rateLimits") continue;
    const rows = await db.select().from(table as never);
    out[name] = (rows as unknown[]).map((r) => JSON.stringify(r)).sort();
  }
  return JSON.stringify(out);
}

export type ActionResult = { ok?: boolean; message?: string; data?: unknown } | undefined;
export type AnyAction = (prev: unknown, input: unknown) => Promise<ActionResult>;

export function toFormData(o: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(o)) fd.append(k, v);
  return fd;
}

/**
 * Every export of lib/actions/*.ts, keyed "file:export" (imported at call time, so the
 * calling test file's vi.mock()s apply). A "use server" file exports only actions.
 */
export async function loadActions(
  dir = path.resolve("lib/actions"),
): Promise<Map<string, AnyAction>> {
  const out = new Map<string, AnyAction>();
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .sort()) {
    const mod = (await import(path.join(dir, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value === "function")
        out.set(`${file.replace(/\.ts$/, "")}:${name}`, value as AnyAction);
    }
  }
  return out;
}

/** Calls an action like Next would: a redirect is a normal ending; any other throw is a 500. */
export async function callAction(
  fn: AnyAction,
  input: unknown,
): Promise<ActionResult | "redirect"> {
  try {
    return await fn(undefined, input);
  } catch (e) {
    if (isNextRedirect(e)) return "redirect";
    throw e;
  }
}
