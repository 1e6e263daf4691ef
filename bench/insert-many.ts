// `npx tsx bench/insert-many.ts`: 100,000 share_items rows (1,000 devices × 100 shares) in one
// transaction, on SQLite and on PostgreSQL (KEYSHARE_TEST_PG_URL, default the local server),
// through insertMany() and the alternatives it was chosen over. Prints the median of 3 runs.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import {
  closeDb,
  insertMany,
  migrateDb,
  openDb,
  tablesFor,
  transaction,
  type Db,
  type EngineKind,
  type Schema,
  type Tx,
} from "@/db/engine";
import {
  createDatabase,
  dropDatabases,
  pgUnavailableReason,
  uniqueName,
  urlFor,
} from "@/tests/support/db/pg-admin";

const DEVICES = 1000;
const SHARES = 100;
const RUNS = 3;
const NOW = Date.now();

type Item = Schema["shareItems"]["$inferInsert"];

async function seedParents(db: Db, t: Schema): Promise<Item[]> {
  const devices = Array.from({ length: DEVICES }, (_, i) => ({
    id: `d${i}`,
    ownerId: "u",
    name: `Device ${i}`,
    hardwareId: `hw${i}`,
    createdAt: NOW,
    updatedAt: NOW,
  }));
  const shares = Array.from({ length: SHARES }, (_, i) => ({
    id: `s${i}`,
    sharerId: "u",
    recipientEmail: `r${i}@example.com`,
    permissions: "view",
    status: "pending" as const,
    createdAt: NOW,
  }));
  await transaction(db, async (tx) => {
    await tx
      .insert(t.users)
      .values({ id: "u", email: "owner@example.com", name: "Owner", createdAt: NOW });
    await insertMany(tx, t.devices, devices);
    await insertMany(tx, t.shares, shares);
  });
  return shares.flatMap((s) =>
    devices.map((d) => ({
      id: `${s.id}-${d.id}`,
      shareId: s.id,
      deviceId: d.id,
      sharerId: "u",
      recipientEmail: s.recipientEmail,
      serviceIds: null,
      live: 1,
      addedAt: NOW,
    })),
  );
}

type Method = { name: string; run: (tx: Tx, t: Schema, rows: Item[]) => Promise<void> };

const METHODS: Record<EngineKind, Method[]> = {
  sqlite: [
    {
      name: "insertMany (prepared statement per row)",
      run: (tx, t, rows) => insertMany(tx, t.shareItems, rows),
    },
    {
      name: "drizzle insert().values(), 3,000-row chunks",
      run: (tx, t, rows) => chunks(rows, 3000, (c) => tx.insert(t.shareItems).values(c)),
    },
  ],
  postgres: [
    {
      name: "insertMany (INSERT … SELECT FROM unnest, 10,000-row chunks)",
      run: (tx, t, rows) => insertMany(tx, t.shareItems, rows),
    },
    {
      name: "drizzle insert().values(), 8,000-row chunks (≤ 65,535 params)",
      run: (tx, t, rows) => chunks(rows, 8000, (c) => tx.insert(t.shareItems).values(c)),
    },
    { name: "reference: INSERT … SELECT generate_series (no data sent)", run: serverSidePg },
  ],
};

async function chunks(rows: Item[], size: number, fn: (chunk: Item[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await fn(rows.slice(i, i + size));
}

/** The same rows made by the server itself: what sending the data costs is then zero. */
async function serverSidePg(tx: Tx) {
  await tx.execute(sql`insert into share_items (id, share_id, device_id, sharer_id, recipient_email, live, added_at)
    select 's' || s || '-d' || d, 's' || s, 'd' || d, 'u', 'r' || s || '@example.com', 1, ${NOW}
    from generate_series(0, ${SHARES - 1}) s, generate_series(0, ${DEVICES - 1}) d`);
}

async function measure(kind: EngineKind, db: Db) {
  const t = tablesFor(kind);
  const rows = await seedParents(db, t);
  for (const m of METHODS[kind]) {
    const times: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const start = performance.now();
      await transaction(db, (tx) => m.run(tx, t, rows));
      times.push(performance.now() - start);
      const n = await db.$count(t.shareItems);
      if (n !== rows.length) throw new Error(`${m.name}: ${n} rows, expected ${rows.length}`);
      await transaction(db, async (tx) => void (await tx.delete(t.shareItems)));
    }
    times.sort((a, b) => a - b);
    console.log(
      `${kind.padEnd(8)} ${m.name.padEnd(66)} median ${times[1].toFixed(0).padStart(5)} ms  ` +
        `(runs: ${times.map((x) => x.toFixed(0)).join(", ")})`,
    );
  }
}

async function main() {
  console.log(
    `${rows()} share_items rows in one transaction, ${os.cpus().length} CPUs, Node ${process.version}`,
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keyshare-bench-"));
  const sqliteDb = openDb({ kind: "sqlite", path: path.join(dir, "bench.db") });
  try {
    await migrateDb(sqliteDb);
    await measure("sqlite", sqliteDb);
  } finally {
    await closeDb(sqliteDb);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const reason = await pgUnavailableReason();
  if (reason) return console.log(`SKIPPING PostgreSQL: ${reason}`);
  const name = uniqueName("bench");
  await createDatabase(name);
  const pgDb = openDb({ kind: "postgres", url: urlFor(name), poolSize: 2 });
  try {
    await migrateDb(pgDb);
    await measure("postgres", pgDb);
  } finally {
    await closeDb(pgDb);
    await dropDatabases([name]);
  }
}

const rows = () => (DEVICES * SHARES).toLocaleString("en");

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
