import { eq, sql, TransactionRollbackError } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  affected,
  first,
  forUpdate,
  insertMany,
  isUniqueViolation,
  transaction,
  TxMisuseError,
  type Db,
  type Schema,
} from "@/db/engine";
import { availableEngines, createTestDb, type TestDb } from "@/tests/support/db/test-db";
import { deviceRow, itemRow, NOW, pause, shareRow, userRow } from "@/tests/support/db/rows";

/** The error itself or, for PostgreSQL, what drizzle wrapped (DrizzleQueryError.cause). */
const rootMessage = (e: unknown): string => {
  let cur = e as Error | undefined;
  while (cur?.cause instanceof Error) cur = cur.cause;
  return cur?.message ?? String(e);
};

async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => expect.unreachable("expected a rejection"),
    (e: unknown) => e,
  );
}

describe.each(availableEngines())("transaction() on %s", (kind) => {
  let tdb: TestDb;
  let db: Db;
  let t: Schema;
  beforeAll(async () => {
    tdb = await createTestDb(kind);
    ({ db, t } = tdb);
  });
  afterAll(() => tdb?.close());

  const countUsers = async () => db.$count(t.users);

  it("commits what the body wrote and returns its value", async () => {
    const u = userRow();
    const value = await transaction(db, async (tx) => {
      await tx.insert(t.users).values(u);
      await pause();
      await tx.insert(t.devices).values(deviceRow(u.id));
      return "done";
    });
    expect(value).toBe("done");
    expect(first(await db.select().from(t.users).where(eq(t.users.id, u.id)))?.email).toBe(u.email);
    expect(await db.$count(t.devices, eq(t.devices.ownerId, u.id))).toBe(1);
  });

  it("rolls everything back when the body throws after awaits, and rethrows", async () => {
    const before = await countUsers();
    const u = userRow();
    const boom = new Error("boom");
    const e = await rejection(
      transaction(db, async (tx) => {
        await tx.insert(t.users).values(u);
        await pause(5);
        await tx.insert(t.devices).values(deviceRow(u.id));
        await pause(5);
        throw boom;
      }),
    );
    expect(e).toBe(boom);
    expect(await countUsers()).toBe(before);
    expect(await db.$count(t.devices, eq(t.devices.ownerId, u.id))).toBe(0);
  });

  it("rolls back on tx.rollback() and rejects with drizzle's TransactionRollbackError", async () => {
    const before = await countUsers();
    const e = await rejection(
      transaction(db, async (tx) => {
        await tx.insert(t.users).values(userRow());
        tx.rollback();
      }),
    );
    expect(e).toBeInstanceOf(TransactionRollbackError);
    expect(await countUsers()).toBe(before);
  });

  it("refuses a write outside transaction(): the root database is read-only", async () => {
    const e = await rejection(db.insert(t.users).values(userRow()));
    // SQLite: the reader connection has PRAGMA query_only; PostgreSQL: default_transaction_read_only.
    expect(rootMessage(e)).toMatch(
      kind === "sqlite" ? /attempt to write a readonly database/ : /read-only transaction/,
    );
  });

  it("runs a nested call with the tx inside the outer transaction; a throw inside rolls back both", async () => {
    const [a, b] = [userRow(), userRow()];
    await rejection(
      transaction(db, async (tx) => {
        await tx.insert(t.users).values(a);
        await transaction(tx, async (inner) => {
          expect(inner).toBe(tx);
          await inner.insert(t.users).values(b);
        });
        throw new Error("after the nested call");
      }),
    );
    expect(await db.$count(t.users, sql`${t.users.id} in (${a.id}, ${b.id})`)).toBe(0);
  });

  it("refuses the root database inside a transaction instead of hanging or escaping it", async () => {
    const probe = sql`select count(*) as n from users where id = ${"none"}`;
    await db.execute(probe); // SQLite keeps this statement: its reuse must be refused too
    await transaction(db, async () => {
      expect(await rejection(transaction(db, async () => 1))).toBeInstanceOf(TxMisuseError);
      expect(rootMessage(await rejection(db.select().from(t.users)))).toMatch(/use its tx/);
      if (kind === "sqlite")
        expect(rootMessage(await rejection(db.execute(probe)))).toMatch(/use its tx/);
    });
  });

  it("refuses a write through a transaction handle once its transaction has ended", async () => {
    let leaked: Parameters<Parameters<typeof transaction>[1]>[0] | undefined;
    await transaction(db, async (tx) => {
      leaked = tx;
    });
    const e = await rejection(
      Promise.resolve().then(() => leaked!.insert(t.users).values(userRow())),
    );
    // SQLite: the writer refuses statements outside its transaction. PostgreSQL: the
    // connection went back to the pool, where every session is read-only by default.
    expect(rootMessage(e)).toMatch(
      kind === "sqlite" ? /outside its transaction/ : /read-only transaction/,
    );
  });

  it("gives a read-only transaction one snapshot while another transaction commits, and refuses writes in it", async () => {
    const before = await countUsers();
    let firstRead!: () => void;
    let release!: () => void;
    const firstDone = new Promise<void>((r) => (firstRead = r));
    const gate = new Promise<void>((r) => (release = r));
    // Not awaited here: the body waits for the gate, opened below.
    const reading = transaction(
      db,
      async (tx) => {
        const firstCount = await tx.$count(t.users);
        firstRead();
        await gate;
        const secondCount = await tx.$count(t.users);
        const write = await rejection(tx.insert(t.users).values(userRow()));
        return { firstCount, secondCount, write: rootMessage(write) };
      },
      { readOnly: true },
    );
    await firstDone;
    // A writer commits while the snapshot is open (it must not wait for the reader).
    await transaction(db, async (w) => void (await w.insert(t.users).values(userRow())));
    expect(await countUsers()).toBe(before + 1);
    release();
    const seen = await reading;
    expect(seen.firstCount).toBe(before);
    expect(seen.secondCount).toBe(before);
    expect(seen.write).toMatch(/readonly database|read-only transaction/);
  });

  it("serialises 20 concurrent read-then-write transactions with awaits in between: the counter ends at 20", async () => {
    const key = `counter-${kind}`;
    await transaction(
      db,
      async (tx) => void (await tx.insert(t.rateLimits).values({ key, count: 0, resetAt: NOW })),
    );
    await Promise.all(
      Array.from({ length: 20 }, () =>
        transaction(db, async (tx) => {
          const row = first(
            await forUpdate(tx.select().from(t.rateLimits).where(eq(t.rateLimits.key, key))),
          );
          await pause(2); // another transaction would read the same value here without the lock
          await tx
            .update(t.rateLimits)
            .set({ count: row!.count + 1 })
            .where(eq(t.rateLimits.key, key));
        }),
      ),
    );
    expect(
      first(await db.select().from(t.rateLimits).where(eq(t.rateLimits.key, key)))?.count,
    ).toBe(20);
  });

  it("lets exactly one of 50 concurrent guarded updates win", async () => {
    const u = userRow();
    const s = shareRow(u.id);
    await transaction(db, async (tx) => {
      await tx.insert(t.users).values(u);
      await tx.insert(t.shares).values(s);
    });
    const won = await Promise.all(
      Array.from({ length: 50 }, () =>
        transaction(db, async (tx) => {
          const r = await tx
            .update(t.shares)
            .set({ status: "active", acceptedAt: NOW })
            .where(sql`${t.shares.id} = ${s.id} and ${t.shares.status} = 'pending'`);
          return affected(r);
        }),
      ),
    );
    expect(won.filter((n) => n === 1)).toHaveLength(1);
    expect(won.filter((n) => n === 0)).toHaveLength(49);
  });

  it("detects a violation of the partial unique index by name, and allows the row once the item is no longer live", async () => {
    const u = userRow();
    const d = deviceRow(u.id);
    const [s1, s2] = [shareRow(u.id), shareRow(u.id)];
    await transaction(db, async (tx) => {
      await tx.insert(t.users).values(u);
      await tx.insert(t.devices).values(d);
      await tx.insert(t.shares).values([s1, s2]);
      await tx.insert(t.shareItems).values(itemRow(s1, d.id));
    });
    const e = await rejection(
      transaction(db, async (tx) => insertMany(tx, t.shareItems, [itemRow(s2, d.id)])),
    );
    expect(isUniqueViolation(e)).toBe(true);
    expect(isUniqueViolation(e, "share_items_live_uq")).toBe(true);
    expect(isUniqueViolation(e, "share_items")).toBe(true);
    expect(isUniqueViolation(e, "users_email_unique")).toBe(false);
    expect(isUniqueViolation(new Error("UNIQUE constraint failed: share_items.id"))).toBe(false);
    // Not live (null) is outside the partial index: a second, removed item is fine.
    await transaction(db, async (tx) =>
      insertMany(tx, t.shareItems, [itemRow(s2, d.id, { live: null, removedAt: NOW })]),
    );
    expect(await db.$count(t.shareItems, eq(t.shareItems.deviceId, d.id))).toBe(2);

    const dup = await rejection(
      transaction(
        db,
        async (tx) => void (await tx.insert(t.users).values({ ...userRow(), email: u.email })),
      ),
    );
    expect(isUniqueViolation(dup, "users_email_unique")).toBe(true);
    expect(isUniqueViolation(dup, "share_items_live_uq")).toBe(false);
  });
});
