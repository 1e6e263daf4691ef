import { asc, count, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertColumns, transaction, type Db, type Schema } from "@/db/engine";
import { availableEngines, createTestDb, type TestDb } from "@/tests/support/db/test-db";
import { NOW } from "@/tests/support/db/rows";

// insertColumns(): the bulk share's hot path (lib/sharing/share-store.ts insertItems).
describe.each(availableEngines())("insertColumns() on %s", (kind) => {
  let tdb: TestDb;
  let db: Db;
  let t: Schema;

  beforeAll(async () => {
    tdb = await createTestDb(kind);
    ({ db, t } = tdb);
    await transaction(db, (tx) =>
      tx
        .insert(t.users)
        .values({ id: "u1", email: "olivia@example.com", name: "Olivia", createdAt: NOW }),
    );
  });
  afterAll(() => tdb?.close());

  const devicesLike = (prefix: string) =>
    db
      .select()
      .from(t.devices)
      .where(like(t.devices.id, `${prefix}%`))
      .orderBy(asc(t.devices.createdAt));

  it("writes per-row and shared values exactly, omitted columns defaulted", async () => {
    const names = [`a,"b"\\{c}`, "NULL", "", "ünï 😀", "it's", "x\ny", "{}", " spaced "];
    await transaction(db, (tx) =>
      insertColumns(tx, t.devices, {
        each: {
          id: names.map((_, i) => `w${i}`),
          name: names,
          hardwareId: names.map((_, i) => `whw${i}`),
          demo: names.map((_, i) => i % 2 === 0),
          createdAt: names.map((_, i) => NOW + i),
        },
        same: { ownerId: "u1", updatedAt: 2 ** 52, groupPath: "it's \\ shared" },
      }),
    );
    expect(await devicesLike("w")).toEqual(
      names.map((name, i) => ({
        id: `w${i}`,
        ownerId: "u1",
        name,
        hardwareId: `whw${i}`,
        kind: "Gateway",
        groupPath: "it's \\ shared",
        demo: i % 2 === 0,
        createdAt: NOW + i,
        updatedAt: 2 ** 52,
      })),
    );
  });

  it("writes a shared boolean and a shared null, and more rows than one PostgreSQL statement holds", async () => {
    const n = 10_005; // db/engine/postgres.ts sends 10,000 rows per statement
    const ids = Array.from({ length: n }, (_, i) => `b${String(i).padStart(5, "0")}`);
    await transaction(db, (tx) =>
      insertColumns(tx, t.devices, {
        each: { id: ids, hardwareId: ids.map((id) => `hw-${id}`), createdAt: ids.map(() => NOW) },
        same: { ownerId: "u1", name: "Fleet", demo: true, updatedAt: NOW },
      }),
    );
    const [{ n: written }] = await db
      .select({ n: count() })
      .from(t.devices)
      .where(like(t.devices.id, "b%"));
    expect(written).toBe(n);
    const last = await db
      .select()
      .from(t.devices)
      .where(eq(t.devices.id, ids[n - 1]));
    expect(last).toEqual([
      {
        id: "b10004",
        ownerId: "u1",
        name: "Fleet",
        hardwareId: "hw-b10004",
        kind: "Gateway",
        groupPath: "",
        demo: true,
        createdAt: NOW,
        updatedAt: NOW,
      },
    ]);
    await transaction(db, async (tx) => {
      await tx.insert(t.shares).values({
        id: "sn",
        sharerId: "u1",
        recipientEmail: "a@example.com",
        permissions: "view",
        status: "pending",
        createdAt: NOW,
      });
      await insertColumns(tx, t.shareItems, {
        each: { id: ["in1", "in2"], deviceId: ["b00000", "b00001"], serviceIds: ["s1", null] },
        same: {
          shareId: "sn",
          sharerId: "u1",
          recipientEmail: "a@example.com",
          live: null,
          addedAt: NOW,
        },
      });
    });
    const items = await db
      .select({ id: t.shareItems.id, live: t.shareItems.live, serviceIds: t.shareItems.serviceIds })
      .from(t.shareItems)
      .where(eq(t.shareItems.shareId, "sn"))
      .orderBy(asc(t.shareItems.id));
    expect(items).toEqual([
      { id: "in1", live: null, serviceIds: "s1" },
      { id: "in2", live: null, serviceIds: null },
    ]);
  });

  const row = { hardwareId: ["hx1", "hx2"], createdAt: [NOW, NOW] };
  const same = { ownerId: "u1", name: "Refused", updatedAt: NOW };

  it.each([
    [
      "columns of different lengths",
      {
        each: { id: ["x1", "x2"], ...row, name: ["one"] },
        same: { ownerId: "u1", updatedAt: NOW },
      },
      /"name" has 1 values, "id" has 2/,
    ],
    [
      "a missing value inside a column",
      { each: { id: ["x1", undefined], ...row }, same },
      /every row must set "id"/,
    ],
    [
      "a column the table lacks",
      { each: { id: ["x1", "x2"], ...row, colour: ["r", "g"] }, same },
      /no column "colour"/,
    ],
    [
      "a column both per row and shared",
      { each: { id: ["x1", "x2"], ...row }, same: { ...same, hardwareId: "hx" } },
      /"hardwareId" is in both/,
    ],
    ["no per-row column", { each: {}, same }, /at least one column/],
  ])("refuses %s and writes nothing of the transaction", async (_, columns, message) => {
    await expect(
      transaction(db, async (tx) => {
        await tx.insert(t.devices).values({
          id: "x0",
          ownerId: "u1",
          name: "Before",
          hardwareId: "hx0",
          createdAt: NOW,
          updatedAt: NOW,
        });
        await insertColumns(tx, t.devices, columns as never);
      }),
    ).rejects.toThrow(message);
    expect(await devicesLike("x")).toEqual([]);
  });

  it("does nothing for no rows, and refuses to run outside a transaction", async () => {
    await transaction(db, (tx) =>
      insertColumns(tx, t.devices, { each: { id: [], hardwareId: [], createdAt: [] }, same }),
    );
    expect(await devicesLike("z")).toEqual([]);
    await expect(
      insertColumns(db as never, t.devices, {
        each: { id: ["z1"], hardwareId: ["hz"], createdAt: [NOW] },
        same,
      }),
    ).rejects.toThrow(/open transaction/);
    expect(await devicesLike("z")).toEqual([]);
  });
});
