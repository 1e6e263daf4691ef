// Crash safety (docs/rules.md, "Cross-cutting checks"), on the engine the run tests.
// A child process runs a bulk share of 2,000 devices × 50 recipients (100,000 items)
// against a database (SQLite: a file; PostgreSQL: a database of its own) and is SIGKILLed
// mid-way, at several points; the reopened database must hold all of it or none of it.
// SQLite must also pass integrity_check and foreign_key_check after the crash; PostgreSQL
// enforces foreign keys on every write and recovers on its own, so those are its job.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, openDb, transaction, type Db } from "@/db/engine";
import { devices, users } from "@/db/schema";
import { newId } from "@/lib/platform/ids";
import { createDatabase, dropDatabases, uniqueName, urlFor } from "@/tests/support/db/pg-admin";
import { createTestDb, testEngineKind } from "@/tests/support/db/test-db";
import { childScript, cleanup, go, startChild, tempDbPath, type JobResult } from "./support/spawn";

const KIND = testEngineKind();
const DEVICES = 2_000;
const RECIPIENTS = 50;
let ownerId = "";
let deviceIds: string[] = [];
/** Time from the "tx" signal to the end of an uninterrupted run, measured by the first test. */
let txMs = 1_500;
const outcomes: ("all" | "none")[] = [];

/** The seeded database every run starts from: a file to copy, or a template database. */
let template = "";
const clones: string[] = [];

beforeAll(async () => {
  await childScript();
  const test = await createTestDb();
  const db = test.db;
  ownerId = newId();
  await transaction(db, async (tx) =>
    tx
      .insert(users)
      .values({ id: ownerId, email: "fleet@example.test", name: "Fleet owner", createdAt: 0 }),
  );
  const rows = Array.from({ length: DEVICES }, (_, i) => ({
    id: newId(),
    ownerId,
    name: `Device ${i}`,
    hardwareId: `CD:${i}`,
    createdAt: 0,
    updatedAt: 0,
  }));
  for (let i = 0; i < rows.length; i += 500)
    await transaction(db, async (tx) => tx.insert(devices).values(rows.slice(i, i + 500)));
  deviceIds = rows.map((r) => r.id);
  await closeDb(db);
  if (KIND === "sqlite") {
    const c = new Database(test.location);
    c.pragma("wal_checkpoint(TRUNCATE)");
    c.close();
    template = tempDbPath("template");
    fs.copyFileSync(test.location, template);
    fs.rmSync(path.dirname(test.location), { recursive: true, force: true });
  } else {
    // A template database must have no sessions: its pool is closed above. Dropped at the end.
    template = new URL(test.location).pathname.slice(1);
    clones.push(template);
  }
}, 60_000);
afterAll(async () => {
  await dropDatabases(clones.splice(0));
  await cleanup();
});

/** A fresh copy of the seeded database: a file path or a PostgreSQL URL. */
async function freshCopy(): Promise<string> {
  if (KIND === "sqlite") {
    const file = tempDbPath("crash");
    fs.copyFileSync(template, file);
    return file;
  }
  const name = uniqueName("crash");
  await createDatabase(name, template);
  clones.push(name);
  return urlFor(name);
}

function openCopy(where: string): Db {
  return openDb(
    KIND === "sqlite"
      ? { kind: "sqlite", path: where }
      : { kind: "postgres", url: where, poolSize: 1 },
  );
}

/** Runs the bulk share; with `kill`, SIGKILLs it `delayMs` after the "tx" signal (or after "go"). */
async function bulkShare(
  file: string,
  kill?: { after: "tx" | "go"; delayMs: number },
): Promise<{ result: JobResult | null; ms: number }> {
  const child = await startChild({
    cmd: "share",
    db: file,
    sharerId: ownerId,
    signalTx: true,
    input: {
      recipients: Array.from({ length: RECIPIENTS }, (_, i) => `r${i}@example.test`),
      deviceIds,
      permissions: "Operator",
      expiresAt: Date.now() + 86_400_000,
    },
  });
  await child.ready;
  go(child);
  if (kill?.after !== "go") await Promise.race([child.line("tx"), child.done]);
  const t = Date.now();
  if (kill) setTimeout(() => child.proc.kill("SIGKILL"), kill.delayMs);
  const result = await child.done;
  return { result, ms: Date.now() - t };
}

/** Reopens the database as a restarted server would, and checks it is whole and all-or-nothing. */
async function inspect(where: string): Promise<"all" | "none"> {
  if (KIND === "sqlite") {
    const c = new Database(where);
    try {
      expect(c.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(c.pragma("foreign_key_check")).toEqual([]);
    } finally {
      c.close();
    }
  }
  const db = openCopy(where);
  try {
    const n = async (query: SQL) => ((await db.execute(query)).rows[0] as { n: number }).n;
    const counts = {
      shares: await n(sql`select count(*) as n from shares`),
      items: await n(sql`select count(*) as n from share_items`),
      events: await n(sql`select count(*) as n from share_events`),
    };
    // No orphans either way: every item has its share, every share has all its devices.
    expect(
      await n(
        sql`select count(*) as n from share_items i left join shares s on s.id = i.share_id where s.id is null`,
      ),
    ).toBe(0);
    expect(
      await n(
        sql`select count(*) as n from shares s where (select count(*) from share_items i where i.share_id = s.id) <> ${DEVICES}`,
      ),
    ).toBe(0);
    expect(await n(sql`select count(*) as n from devices`)).toBe(DEVICES);
    if (counts.shares === 0) {
      expect(counts).toEqual({ shares: 0, items: 0, events: 0 });
      return "none";
    }
    expect(counts).toEqual({ shares: RECIPIENTS, items: DEVICES * RECIPIENTS, events: RECIPIENTS });
    return "all";
  } finally {
    await closeDb(db);
  }
}

describe(`a ${DEVICES.toLocaleString("en-US")} × ${RECIPIENTS} bulk share killed mid-way`, () => {
  it("uninterrupted, it writes everything (and tells how long the transaction takes)", async () => {
    const file = await freshCopy();
    const { result, ms } = await bulkShare(file);
    expect(result).toMatchObject({ ok: true });
    expect(await inspect(file)).toBe("all");
    txMs = Math.max(200, ms);
  }, 60_000);

  // Fractions of the measured transaction time after the "tx" signal, then kills timed from
  // "go" (the first items may or may not have been written yet).
  const points = [
    ...[0.05, 0.35, 0.7].map((f) => ({
      label: `${Math.round(f * 100)}% into the transaction`,
      after: "tx" as const,
      f,
    })),
    { label: "a random moment after start", after: "go" as const, f: Math.random() },
  ];
  it.each(points)(
    "SIGKILL $label: all or nothing, integrity ok",
    async ({ after, f }) => {
      const file = await freshCopy();
      const { result } = await bulkShare(file, {
        after,
        delayMs: Math.round(f * (after === "go" ? 300 : txMs)),
      });
      const outcome = await inspect(file);
      outcomes.push(outcome);
      // Killed before it answered: nothing of the share may survive unless it had committed.
      if (result?.ok) expect(outcome).toBe("all");
      // The recovered database takes new writes (the unique live-item index is intact).
      const db = openCopy(file);
      try {
        const probe = newId();
        await transaction(db, async (tx) =>
          tx
            .insert(users)
            .values({ id: probe, email: `${probe}@example.test`, name: "Probe", createdAt: 0 }),
        );
        const live = await db.execute(sql`select count(*) as n from share_items where live = 1`);
        expect(live.rows[0]).toEqual({ n: outcome === "all" ? DEVICES * RECIPIENTS : 0 });
      } finally {
        await closeDb(db);
      }
    },
    60_000,
  );

  it("the kills really happened mid-transaction (at least one left nothing behind)", () => {
    expect(outcomes, JSON.stringify(outcomes)).toContain("none");
  });
});
