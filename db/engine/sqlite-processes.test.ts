import { spawn } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { first, transaction } from "@/db/engine";
import { createTestDb, type TestDb } from "@/tests/support/db/test-db";
import { NOW } from "@/tests/support/db/rows";

const CHILD = path.resolve("tests/support/db/sqlite-writer-child.ts");

/** Starts a writer process; resolves `ready` when it is waiting for "go", `done` with its exit code. */
function startWriter(file: string, key: string, rounds: number) {
  const proc = spawn(process.execPath, ["--import", "tsx", CHILD, file, key, String(rounds)], {
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  proc.stderr.on("data", (d) => (err += d));
  const ready = new Promise<void>((resolve) =>
    proc.stdout.on("data", (d) => (out += d).includes("ready") && resolve()),
  );
  const done = new Promise<{ code: number | null; out: string; err: string }>((resolve) =>
    proc.on("close", (code) => resolve({ code, out, err })),
  );
  return { proc, ready, done };
}

describe("SQLite: several processes writing one file", () => {
  let tdb: TestDb;
  beforeAll(async () => {
    tdb = await createTestDb("sqlite");
  });
  afterAll(() => tdb?.close());

  it("loses no update when two processes and this one each run read-then-write transactions (BEGIN IMMEDIATE + busy_timeout)", async () => {
    const { db, t, location } = tdb;
    const key = "cross-process";
    await transaction(
      db,
      async (tx) => void (await tx.insert(t.rateLimits).values({ key, count: 0, resetAt: NOW })),
    );
    const rounds = 40;
    const writers = [startWriter(location, key, rounds), startWriter(location, key, rounds)];
    await Promise.all(writers.map((w) => w.ready));
    for (const w of writers) w.proc.stdin.write("go\n");
    // This process writes too, through its own mutex and writer connection.
    for (let i = 0; i < rounds; i++) {
      await transaction(db, async (tx) => {
        const row = first(await tx.select().from(t.rateLimits).where(eq(t.rateLimits.key, key)));
        await new Promise((r) => setTimeout(r, Math.random() * 2));
        await tx
          .update(t.rateLimits)
          .set({ count: row!.count + 1 })
          .where(eq(t.rateLimits.key, key));
      });
    }
    const results = await Promise.all(writers.map((w) => w.done));
    for (const r of results) expect(r, r.err).toMatchObject({ code: 0 });
    expect(
      first(await db.select().from(t.rateLimits).where(eq(t.rateLimits.key, key)))?.count,
    ).toBe(3 * rounds);
    const check = new Database(location, { readonly: true });
    try {
      expect(check.pragma("integrity_check", { simple: true })).toBe("ok");
    } finally {
      check.close();
    }
  });
});
