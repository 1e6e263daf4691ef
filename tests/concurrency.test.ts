// Concurrency (docs/rules.md, "Cross-cutting checks"), on the engine the run tests.
// Separate processes, each with its own connections to one database (SQLite: one WAL file;
// PostgreSQL: one database, as several app servers have), call the real server actions at
// the same moment. SQLite serialises writes on its lock (BEGIN IMMEDIATE, busy_timeout
// 5000); PostgreSQL on row locks (FOR UPDATE) and the partial unique index; guarded updates
// decide who wins. No caller may ever see a busy/locked/serialization error.
import { sql, type SQL } from "drizzle-orm";
import { engineKindOf, transaction } from "@/db/engine";
import { createTestDb, type TestDb } from "@/tests/support/db/test-db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { newId } from "@/lib/platform/ids";
import { devices, users, type User } from "@/db/schema";
import { acceptShare } from "@/lib/sharing/lifecycle";
import { shareDevices } from "@/lib/sharing/share-devices";
import { childScript, cleanup, race, type Job, type JobResult } from "./support/spawn";
import { DAY } from "@/lib/platform/time";

const opened: TestDb[] = [];

beforeAll(async () => {
  await childScript(); // bundle once, outside the timed races
}, 60_000);
afterAll(async () => {
  for (const test of opened) await test.close();
  await cleanup();
});

/** Rows of a query, on either engine (counts come back as numbers on both). */
async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  return (await db.execute(query)).rows as T[];
}
const one = async <T>(db: Db, query: SQL): Promise<T> => (await rows<T>(db, query))[0];

async function setup(deviceCount: number) {
  const test = await createTestDb();
  opened.push(test);
  const { db, location: file } = test;
  const user = async (name: string): Promise<User> => {
    const row: User = {
      id: newId(),
      email: `${name}@example.test`,
      name,
      passwordHash: null,
      emailVerified: 1,
      image: null,
      sessionVersion: 0,
      createdAt: 0,
    };
    await transaction(db, async (tx) => tx.insert(users).values(row));
    return row;
  };
  const owner = await user("owner");
  const recipient = await user("recipient");
  const devs = Array.from({ length: deviceCount }, (_, i) => ({
    id: newId(),
    ownerId: owner.id,
    name: `Device ${String(i).padStart(3, "0")}`,
    hardwareId: `AB:${i}`,
    createdAt: 0,
    updatedAt: 0,
  }));
  for (let i = 0; i < devs.length; i += 500)
    await transaction(db, async (tx) => tx.insert(devices).values(devs.slice(i, i + 500)));
  return { file, db, owner, recipient, deviceIds: devs.map((d) => d.id) };
}

type Answer = {
  ok?: boolean;
  message?: string;
  /** A refused share names the conflicting pairs in data.conflicts (lib/actions/shares.ts). */
  data?: { conflicts?: unknown[] } | unknown;
  logged?: string[];
};
const as = (rs: JobResult[]) => rs as Answer[];
/** Every refusal is a domain answer a user can read: never a busy/locked/serialization error behind "Something went wrong". */
function expectOnlyDomainRefusals(rs: Answer[]): void {
  for (const r of rs) {
    expect(r.logged ?? [], "an action logged an internal error").toEqual([]);
    if (!r.ok)
      expect(r.message ?? "", JSON.stringify(r)).not.toMatch(
        /went wrong|SQLITE|locked|busy|deadlock|serializ|could not/i,
      );
  }
}
/**
 * A share's events in the order they were written: SQLite's rowid; on PostgreSQL the
 * writing transaction's id (xmin), assigned when it locked the share's row (its first
 * statement), so in the order the row lock serialised them.
 */
const events = (db: Db, shareId: string) =>
  rows<{ type: string; data: string | null }>(
    db,
    sql`select type, data from share_events where share_id = ${shareId} order by ${
      engineKindOf(db) === "sqlite" ? sql.raw("rowid") : sql.raw("xmin::text::bigint")
    }`,
  );
const actionJob = (file: string, user: User, action: string, input: unknown): Job => ({
  cmd: "action",
  db: file,
  action,
  input,
  user: { id: user.id, email: user.email, name: user.name, emailVerified: user.emailVerified },
});

describe("concurrency on one database, many processes", () => {
  it("50 simultaneous accepts of one link: exactly one acceptance", async () => {
    const { file, db, owner, recipient, deviceIds } = await setup(3);
    const now = Date.now();
    const made = await shareDevices(db, {
      sharerId: owner.id,
      now,
      input: {
        recipients: [recipient.email],
        deviceIds,
        permissions: "Operator",
        expiresAt: now + 7 * DAY,
      },
    });
    const { shareId, token } = made.shares[0];
    const results = as(
      await race(
        Array.from({ length: 50 }, () => actionJob(file, recipient, "acceptLinkAction", { token })),
      ),
    );

    // Accepting answers with the share, or sends the recipient to its page.
    expect(results.filter((r) => r.ok).map((r) => JSON.stringify(r.data))).toEqual([
      expect.stringContaining(shareId),
    ]);
    expectOnlyDomainRefusals(results);
    expect(new Set(results.filter((r) => !r.ok).map((r) => r.message))).toEqual(
      new Set(["You have already accepted this share."]),
    );
    expect((await events(db, shareId)).map((e) => e.type)).toEqual(["shared", "accepted"]);
    const share = await one(
      db,
      sql`select status, recipient_id as r, accepted_at as a from shares where id = ${shareId}`,
    );
    expect(share).toMatchObject({ status: "active", r: recipient.id, a: expect.any(Number) });
  }, 60_000);

  it("extend and cancel racing on one share: one cancel wins, extends chain, the log matches the row", async () => {
    const { file, db, owner, recipient, deviceIds } = await setup(2);
    const now = Date.now();
    const expiresAt = now + 7 * DAY;
    const { shareId } = (
      await shareDevices(db, {
        sharerId: owner.id,
        now,
        input: { recipients: [recipient.email], deviceIds, permissions: "Viewer", expiresAt },
      })
    ).shares[0];
    await acceptShare(db, { shareId, user: recipient, now: now + 1 });
    const kinds = Array.from({ length: 24 }, (_, i) => (i % 2 ? "extend" : "cancel")).sort(
      () => Math.random() - 0.5,
    );
    const results = as(
      await race(
        kinds.map((k) =>
          k === "extend"
            ? actionJob(file, owner, "extendSharesAction", { shareIds: [shareId], by: "1d" })
            : actionJob(file, owner, "cancelSharesAction", { shareIds: [shareId] }),
        ),
      ),
    );
    expectOnlyDomainRefusals(results);

    const okBy = (kind: string) => results.filter((r, i) => r.ok && kinds[i] === kind).length;
    expect(okBy("cancel")).toBe(1);
    const log = await events(db, shareId);
    expect(log.slice(0, 2).map((e) => e.type)).toEqual(["shared", "accepted"]);
    expect(log.at(-1)!.type).toBe("cancelled"); // nothing happens to a share after its cancellation
    const extended = log
      .filter((e) => e.type === "extended")
      .map((e) => JSON.parse(e.data!) as { from: number; to: number });
    expect(log).toHaveLength(3 + extended.length);
    expect(extended).toHaveLength(okBy("extend"));
    // Each extension starts where the previous one ended: none was lost or applied twice.
    extended.forEach((x, i) =>
      expect(x).toEqual({
        from: i === 0 ? expiresAt : extended[i - 1].to,
        to: (i === 0 ? expiresAt : extended[i - 1].to) + DAY,
      }),
    );
    const row = await one(
      db,
      sql`select status, expires_at as e from shares where id = ${shareId}`,
    );
    expect(row).toEqual({ status: "cancelled", e: extended.at(-1)?.to ?? expiresAt });
    expect(
      await one(
        db,
        sql`select count(*) as n from share_items where share_id = ${shareId} and live = 1`,
      ),
    ).toEqual({ n: 0 });
  }, 60_000);

  it("parallel bulk shares of overlapping devices to one recipient: never two live items for a device", async () => {
    const { file, db, owner, recipient, deviceIds } = await setup(120);
    const now = Date.now();
    const windows = Array.from({ length: 12 }, (_, i) => deviceIds.slice(i * 8, i * 8 + 30)); // each overlaps the next ones
    const results = as(
      await race(
        windows.map((ids, i) =>
          actionJob(file, owner, "shareDevicesAction", {
            recipients: [recipient.email],
            deviceIds: ids,
            permissions: "Viewer",
            expiresAt: now + DAY,
            skipConflicts: i % 2 === 0,
          }),
        ),
      ),
    );
    expectOnlyDomainRefusals(results);
    expect(results.filter((r) => r.ok).length).toBeGreaterThan(0);

    const dupes = await rows(
      db,
      sql`select device_id, count(*) as n from share_items
        where sharer_id = ${owner.id} and recipient_email = ${recipient.email} and live = 1
        group by device_id having count(*) > 1`,
    );
    expect(dupes).toEqual([]);
    const liveDevices = new Set(
      (
        await rows<{ d: string }>(db, sql`select device_id as d from share_items where live = 1`)
      ).map((r) => r.d),
    );
    results.forEach((r, i) => {
      const skip = i % 2 === 0;
      if (!r.ok) {
        expect(skip, `skipConflicts requests are never refused for conflicts: ${r.message}`).toBe(
          false,
        );
        expect((r.data as { conflicts?: unknown[] })?.conflicts?.length, r.message).toBeGreaterThan(
          0,
        );
      }
      // Whatever happened to the request, every device it asked for is now shared exactly once.
      if (r.ok || skip) for (const id of windows[i]) expect(liveDevices.has(id)).toBe(true);
    });
    const empty = await one(
      db,
      sql`select count(*) as n from shares s
        where not exists (select 1 from share_items i where i.share_id = s.id)`,
    );
    expect(empty).toEqual({ n: 0 });
    const perShare = await one<{ n: number }>(db, sql`select count(*) as n from shares`);
    expect(perShare.n).toBe(
      results.filter((r) => r.ok && (r.data as { shares: unknown[] }).shares.length > 0).length,
    );
  }, 60_000);

  it("CSV imports racing with bulk shares of the same owner: every one succeeds, none sees a locked database", async () => {
    const { file, db, owner, deviceIds } = await setup(40);
    const now = Date.now();
    const jobs = Array.from({ length: 12 }, (_, i) =>
      i % 2
        ? actionJob(file, owner, "importDevicesAction", {
            csv: `name,hardware_id\n${Array.from({ length: 200 }, (_, j) => `Imported ${i}-${j},IM:${i}:${j}`).join("\n")}`,
          })
        : actionJob(file, owner, "shareDevicesAction", {
            recipients: [`r${i}@example.test`],
            deviceIds,
            permissions: "Viewer",
            expiresAt: now + DAY,
          }),
    );
    const results = as(await race(jobs));
    expectOnlyDomainRefusals(results);
    expect(results.map((r) => r.ok)).toEqual(jobs.map(() => true));
    expect(await one(db, sql`select count(*) as n from devices`)).toEqual({ n: 40 + 6 * 200 });
    expect(await one(db, sql`select count(*) as n from share_items`)).toEqual({ n: 6 * 40 });
  }, 60_000);
});
