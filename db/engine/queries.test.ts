// The query shapes the domain uses, written once against the PG-typed tables and run on both
// engines with the same expected results: the proof that one domain can serve both.
import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  affected,
  engineKindOf,
  first,
  forUpdate,
  ilike,
  insertMany,
  likePattern,
  reusableQuery,
  transaction,
  type Db,
  type Schema,
} from "@/db/engine";
import { availableEngines, createTestDb, type TestDb } from "@/tests/support/db/test-db";
import { NOW } from "@/tests/support/db/rows";

describe.each(availableEngines())("typed queries on %s", (kind) => {
  let tdb: TestDb;
  let db: Db;
  let t: Schema;

  beforeAll(async () => {
    tdb = await createTestDb(kind);
    ({ db, t } = tdb);
    await transaction(db, async (tx) => {
      await tx.insert(t.users).values([
        { id: "u1", email: "olivia@example.com", name: "Olivia Owner", createdAt: NOW },
        { id: "u2", email: "carl@example.com", name: "Carl Contractor", createdAt: NOW + 1 },
      ]);
      await tx.insert(t.devices).values([
        {
          id: "d1",
          ownerId: "u1",
          name: "Gateway A",
          hardwareId: "hw1",
          demo: true,
          createdAt: NOW,
          updatedAt: NOW,
        },
        {
          id: "d2",
          ownerId: "u1",
          name: "ÄRouter b",
          hardwareId: "hw2",
          kind: "Router",
          createdAt: NOW,
          updatedAt: NOW,
        },
        {
          id: "d3",
          ownerId: "u2",
          name: "Van gateway",
          hardwareId: "hw3",
          createdAt: NOW,
          updatedAt: NOW,
        },
      ]);
    });
  });
  afterAll(() => tdb?.close());

  it("knows its engine", () => {
    expect(engineKindOf(db)).toBe(kind);
  });

  it("selects with where, order, limit and offset; defaults, booleans and ms timestamps read back alike", async () => {
    const rows = await db
      .select()
      .from(t.devices)
      .where(eq(t.devices.ownerId, "u1"))
      .orderBy(asc(t.devices.id))
      .limit(5)
      .offset(0);
    expect(rows).toEqual([
      {
        id: "d1",
        ownerId: "u1",
        name: "Gateway A",
        hardwareId: "hw1",
        kind: "Gateway",
        groupPath: "",
        demo: true,
        createdAt: NOW,
        updatedAt: NOW,
      },
      {
        id: "d2",
        ownerId: "u1",
        name: "ÄRouter b",
        hardwareId: "hw2",
        kind: "Router",
        groupPath: "",
        demo: false,
        createdAt: NOW,
        updatedAt: NOW,
      },
    ]);
    expect(typeof rows[0].createdAt).toBe("number");
    expect(
      first(await db.select({ id: t.devices.id }).from(t.devices).where(eq(t.devices.id, "nope"))),
    ).toBeUndefined();
  });

  it("inserts, updates and deletes with returning()", async () => {
    const out = await transaction(db, async (tx) => {
      const [inserted] = await tx
        .insert(t.shares)
        .values({
          id: "s1",
          sharerId: "u1",
          recipientEmail: "carl@example.com",
          permissions: "view",
          status: "pending",
          createdAt: NOW,
        })
        .returning({ id: t.shares.id, notify: t.shares.notify, expiresAt: t.shares.expiresAt });
      const updated = await tx
        .update(t.shares)
        .set({ status: "active", acceptedAt: NOW + 5, recipientId: "u2" })
        .where(and(eq(t.shares.id, "s1"), eq(t.shares.status, "pending")))
        .returning({ status: t.shares.status, acceptedAt: t.shares.acceptedAt });
      const again = await tx
        .update(t.shares)
        .set({ status: "active" })
        .where(and(eq(t.shares.id, "s1"), eq(t.shares.status, "pending")));
      await tx.insert(t.shares).values({
        id: "s2",
        sharerId: "u1",
        recipientEmail: "x@example.com",
        permissions: "view",
        status: "pending",
        createdAt: NOW,
      });
      const deleted = await tx
        .delete(t.shares)
        .where(eq(t.shares.id, "s2"))
        .returning({ id: t.shares.id });
      return { inserted, updated, again: affected(again), deleted };
    });
    expect(out).toEqual({
      inserted: { id: "s1", notify: true, expiresAt: null },
      updated: [{ status: "active", acceptedAt: NOW + 5 }],
      again: 0,
      deleted: [{ id: "s2" }],
    });
  });

  it("upserts with onConflictDoUpdate, excluded columns and a CASE fragment", async () => {
    const hit = (now: number) =>
      transaction(db, async (tx) => {
        const [row] = await tx
          .insert(t.rateLimits)
          .values({ key: "k", count: 1, resetAt: now + 100 })
          .onConflictDoUpdate({
            target: t.rateLimits.key,
            set: {
              count: sql`case when ${t.rateLimits.resetAt} <= ${now} then 1 else ${t.rateLimits.count} + 1 end`,
              resetAt: sql`case when ${t.rateLimits.resetAt} <= ${now} then excluded.reset_at else ${t.rateLimits.resetAt} end`,
            },
          })
          .returning({ count: t.rateLimits.count, resetAt: t.rateLimits.resetAt });
        return row;
      });
    expect(await hit(NOW)).toEqual({ count: 1, resetAt: NOW + 100 });
    expect(await hit(NOW + 1)).toEqual({ count: 2, resetAt: NOW + 100 });
    expect(await hit(NOW + 100)).toEqual({ count: 1, resetAt: NOW + 200 });
  });

  it("joins, groups and counts; $count; count(*) as a sql fragment is a number on both", async () => {
    const perOwner = await db
      .select({ owner: t.users.name, devices: count() })
      .from(t.devices)
      .innerJoin(t.users, eq(t.users.id, t.devices.ownerId))
      .groupBy(t.users.name)
      .orderBy(desc(count()), asc(t.users.name));
    expect(perOwner).toEqual([
      { owner: "Olivia Owner", devices: 2 },
      { owner: "Carl Contractor", devices: 1 },
    ]);
    expect(await db.$count(t.devices, eq(t.devices.ownerId, "u1"))).toBe(2);
    const [{ n, newest }] = await db
      .select({ n: sql<number>`count(*)`, newest: sql<number>`max(${t.users.createdAt})` })
      .from(t.users);
    expect({ n, newest }).toEqual({ n: 2, newest: NOW + 1 });
    const [flag] = await db
      .select({ hasHash: sql<boolean>`${t.users.passwordHash} is not null`.mapWith(Boolean) })
      .from(t.users)
      .where(eq(t.users.id, "u1"));
    expect(flag).toEqual({ hasHash: false });
  });

  it("matches case-insensitively with ilike(), also through an aliased table", async () => {
    const names = async (pattern: string) =>
      (
        await db
          .select({ name: t.devices.name })
          .from(t.devices)
          .where(ilike(t.devices.name, pattern))
          .orderBy(asc(t.devices.id))
      ).map((r) => r.name);
    expect(await names("%gateway%")).toEqual(["Gateway A", "Van gateway"]);
    expect(await names("%b")).toEqual(["ÄRouter b"]);
    expect(await names("100\\%")).toEqual([]); // the escape character is a backslash on both
    // likePattern(): what a person typed, trimmed, wildcards and backslash taken literally.
    expect(await names(likePattern("  GATEWAY "))).toEqual(["Gateway A", "Van gateway"]);
    expect(await names(likePattern("gate_ay"))).toEqual([]);
    expect(await names(likePattern("%"))).toEqual([]);
    expect(await names(likePattern("\\"))).toEqual([]);
    expect(likePattern(" a%b_c\\d ")).toBe("%a\\%b\\_c\\\\d%");
    const owner = alias(t.users, "owner");
    const rows = await db
      .select({ device: t.devices.id })
      .from(t.devices)
      .innerJoin(owner, eq(owner.id, t.devices.ownerId))
      .where(ilike(owner.name, "CARL%"));
    expect(rows).toEqual([{ device: "d3" }]);
  });

  it("insertMany() writes booleans, nulls, big timestamps and awkward text exactly, omitted columns defaulted", async () => {
    const awkward = [`a,"b"\\{c}`, "NULL", "", "ünï 😀", "it's", "x\ny", "{}", " spaced "];
    const rows = awkward.map((name, i) => ({
      id: `m${i}`,
      ownerId: "u2",
      name,
      hardwareId: `mh${i}`,
      demo: i % 2 === 0,
      createdAt: NOW + i,
      updatedAt: 2 ** 52 + i,
    }));
    await transaction(db, (tx) => insertMany(tx, t.devices, rows));
    const back = await db
      .select()
      .from(t.devices)
      .where(sql`${t.devices.id} like 'm%'`)
      .orderBy(asc(t.devices.createdAt));
    expect(back).toEqual(rows.map((r) => ({ ...r, kind: "Gateway", groupPath: "" })));
    const items = [
      {
        id: "i1",
        shareId: "sx",
        deviceId: "m0",
        sharerId: "u2",
        recipientEmail: "a@example.com",
        serviceIds: null,
        live: null,
        addedAt: NOW,
        removedAt: null,
      },
    ];
    await transaction(db, async (tx) => {
      await tx.insert(t.shares).values({
        id: "sx",
        sharerId: "u2",
        recipientEmail: "a@example.com",
        permissions: "view",
        status: "pending",
        createdAt: NOW,
      });
      await insertMany(tx, t.shareItems, items);
    });
    expect(await db.select().from(t.shareItems).where(eq(t.shareItems.id, "i1"))).toEqual(items);
    await expect(insertMany(db as never, t.devices, rows)).rejects.toThrow(/open transaction/);
  });

  it("insertMany() refuses a later row that leaves out a column the first row sets, and writes nothing", async () => {
    const row = (id: string, name?: string) => ({
      id,
      ownerId: "u2",
      name,
      hardwareId: `hw-${id}`,
      demo: false,
      createdAt: NOW,
      updatedAt: NOW,
    });
    await expect(
      transaction(db, (tx) => insertMany(tx, t.devices, [row("k1", "one"), row("k2")] as never)),
    ).rejects.toThrow(/every row must set "name"/);
    expect(await db.select().from(t.devices).where(eq(t.devices.id, "k1"))).toEqual([]);
  });

  it("locks with forUpdate() inside a transaction and runs raw SQL through execute() with one result shape", async () => {
    const result = await transaction(db, async (tx) => {
      const locked = await forUpdate(
        tx.select({ id: t.devices.id }).from(t.devices).where(eq(t.devices.id, "d1")),
      );
      const changed = await tx.execute(
        sql`update devices set group_path = ${"Lab"} where owner_id = ${"u1"}`,
      );
      const read = await tx.execute<{ id: string; group_path: string; n: number }>(
        sql`select id, group_path, count(*) over () as n from devices where owner_id = ${"u1"} order by id`,
      );
      const returned = await tx.execute(
        sql`update devices set group_path = '' where id = ${"d2"} returning id`,
      );
      return {
        locked,
        changed: affected(changed),
        rows: read.rows,
        rowCount: read.rowCount,
        returned: returned.rows,
      };
    });
    expect(result).toEqual({
      locked: [{ id: "d1" }],
      changed: 2,
      rows: [
        { id: "d1", group_path: "Lab", n: 2 },
        { id: "d2", group_path: "Lab", n: 2 },
      ],
      rowCount: 2,
      returned: [{ id: "d2" }],
    });
  });
  it("runs a reusableQuery with new values each call, as the plain sql`` would", async () => {
    const byOwner = reusableQuery(
      ["owner", "name"],
      (v) =>
        sql`select id from devices where owner_id = ${v.owner} and name <> ${v.name} order by id`,
    );
    expect(await byOwner(db, { owner: "u1", name: "nothing" })).toEqual(
      (await db.execute(sql`select id from devices where owner_id = ${"u1"} order by id`)).rows,
    );
    expect(await byOwner(db, { owner: "nobody", name: "nothing" })).toEqual([]);
    expect(await byOwner(db, { owner: "u1", name: "Gateway A" })).not.toContainEqual({ id: "d1" });
  });

  it.runIf(kind === "postgres")(
    "PostgreSQL: runs a reusableQuery as a named prepared statement of the connection, in and out of a transaction",
    async () => {
      const byId = reusableQuery(["id"], (v) => sql`select name from devices where id = ${v.id}`);
      const prepared = (rows: unknown[]) =>
        (rows as { name: string; statement: string }[]).filter((r) =>
          r.statement.includes("from devices where id = $1"),
        );
      const seen = await transaction(
        db,
        async (tx) => {
          const before = (await tx.execute(sql`select name, statement from pg_prepared_statements`))
            .rows;
          const a = await byId(tx, { id: "d1" });
          const b = await byId(tx, { id: "nothing" });
          const after = (await tx.execute(sql`select name, statement from pg_prepared_statements`))
            .rows;
          return { a, b, before: prepared(before), after: prepared(after) };
        },
        { readOnly: true },
      );
      expect(seen.a).toEqual([{ name: "Gateway A" }]);
      expect(seen.b).toEqual([]);
      expect(seen.before).toEqual([]);
      expect(seen.after).toHaveLength(1); // once, though run twice
      expect(seen.after[0].name).toMatch(/^ks_[0-9a-f]{20}$/);
      // Outside a transaction, through the pool, with the same results.
      expect(await byId(db, { id: "d1" })).toEqual([{ name: "Gateway A" }]);
    },
  );

  it.runIf(kind === "sqlite")(
    "runs a query compiled by another copy of the engine module (a production build has several)",
    async () => {
      const foreign = {
        [Symbol.for("keyshare.compiledQuery")]: true,
        text: "select id from devices where owner_id = ? order by id",
        params: ["u1"],
        getSQL: () => {
          throw new Error("not to be compiled again");
        },
      };
      const { rows } = await db.execute(foreign);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows).toContainEqual({ id: "d1" });
    },
  );
});
