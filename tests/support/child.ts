// A separate process with its own database connections, for the concurrency and crash
// tests. Bundled by tests/support/spawn.ts, which sets its engine in the environment
// (DATABASE_URL for PostgreSQL, DATABASE_PATH for SQLite); argv[2] is the JSON job. It
// prints "ready", waits for "go" on stdin (so many children start at once), runs the job
// and prints one JSON line. "action" calls a real server action as `user` (Next.js and
// Auth.js are stubbed, getDb() opens the environment's database); "share" calls the
// domain's bulk share and, with `signalTx`, prints "tx" from inside its transaction, just
// before the items are written.
import Database from "better-sqlite3";
import fs from "node:fs";
import pg from "pg";
import { closeDb, engineConfigFromEnv, openDb } from "@/db/engine";
import * as shareManage from "@/lib/actions/share-manage";
import * as shareRespond from "@/lib/actions/share-respond";
import * as shares from "@/lib/actions/shares";
import * as deviceActions from "@/lib/actions/devices";
import { shareDevices } from "@/lib/sharing/share-devices";

export type Job =
  | {
      cmd: "action";
      db: string;
      action: string;
      input: unknown;
      user: { id: string; email: string; name: string; emailVerified: number | null };
    }
  | {
      cmd: "share";
      db: string;
      sharerId: string;
      input: Record<string, unknown>;
      signalTx?: boolean;
    };
/** An action's answer (with anything it logged as an internal error), or how the domain call ended. */
export type JobResult =
  | { ok?: boolean; message?: string; data?: unknown; logged?: string[] }
  | { ok: true; value: unknown }
  | { ok: false; name: string; code?: string; message: string };

type Action = (prev: unknown, input: unknown) => Promise<JobResult>;
const ACTIONS = {
  ...shareManage,
  ...shareRespond,
  ...shares,
  ...deviceActions,
} as unknown as Record<string, Action>;

const job = JSON.parse(process.argv[2]) as Job;
const say = (line: string) => fs.writeSync(1, `${line}\n`); // synchronous: the parent sees it at once
const logged: string[] = [];
console.error = (...args: unknown[]) => void logged.push(args.map(String).join(" "));

async function run(): Promise<JobResult> {
  if (job.cmd === "action") {
    (globalThis as { __keyshareUser?: unknown }).__keyshareUser = {
      ...job.user,
      sessionVersion: 0,
    };
    try {
      return { ...(await ACTIONS[job.action](undefined, job.input)), logged };
    } catch (e) {
      // redirect() ends an action successfully (e.g. accepting goes to the share's page).
      const digest = String((e as { digest?: unknown }).digest ?? "");
      if (digest.startsWith("NEXT_REDIRECT;"))
        return { ok: true, data: { redirect: digest.split(";")[2] }, logged };
      throw e;
    }
  }
  if (job.signalTx) {
    // Before the database opens: the engine's connections bind prepare() when they open.
    // The items of a bulk share are inserted by db/engine's insertMany: on SQLite one
    // prepared statement on the writer, on PostgreSQL INSERT … SELECT FROM unnest.
    const isItems = (text: unknown) =>
      typeof text === "string" && text.startsWith('insert into "share_items"');
    const prepare = Database.prototype.prepare;
    Database.prototype.prepare = function (this: Database.Database, sql: string) {
      if (isItems(sql)) say("tx");
      return prepare.call(this, sql);
    } as typeof prepare;
    const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const first = args[0] as string | { text?: string };
      if (isItems(typeof first === "string" ? first : first?.text)) say("tx");
      return query.apply(this, args);
    } as typeof pg.Client.prototype.query;
  }
  const db = openDb(engineConfigFromEnv());
  try {
    const r = await shareDevices(db, { sharerId: job.sharerId, input: job.input, now: Date.now() });
    return {
      ok: true,
      value: { shares: r.shares.map((s) => s.shareId), skipped: r.skipped.length },
    };
  } catch (e) {
    const err = e as Error & { code?: string };
    return { ok: false, name: err.name, code: err.code, message: err.message };
  } finally {
    await closeDb(db);
  }
}

say("ready");
process.stdin.once("data", () => {
  run().then(
    (result) => {
      say(JSON.stringify(result));
      process.exit(0);
    },
    (e: unknown) => {
      say(JSON.stringify({ ok: false, name: "Thrown", message: String(e) }));
      process.exit(0);
    },
  );
});
