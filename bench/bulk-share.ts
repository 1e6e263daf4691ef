// (c) Bulk share: 1,000 devices × 100 recipients through the domain function, against the
// floor of raw SQL inserting the same rows in one transaction (SQLite: better-sqlite3
// prepared inserts; PostgreSQL: INSERT … SELECT FROM unnest of one array per column, one
// statement per table, the raw floor issue 14 names). Each round starts from a fresh
// database (a file, not memory, on SQLite: memory would hide the journal) with the same fleet.
import { randomBytes, randomUUID } from "node:crypto";
import { closeDb, openDb, type Db } from "@/db/engine";
import { shareDevices } from "@/lib/sharing/share-devices";
import { DAY } from "@/lib/platform/time";
import { scaled } from "./config";
import { freshDatabase, type BenchDatabase } from "./databases";
import { countItems, openRaw, type Raw } from "./raw";
import { rawSqlite } from "./sqlite-file";

const DEVICES = scaled(1_000);
const RECIPIENTS = 100;
const ROUNDS = 5;

export type Fleet = { where: BenchDatabase; deviceIds: string[]; emails: string[] };

/** A migrated database with the fleet, seeded on a raw connection (closed again). */
export async function freshFleet(
  name: string,
  devices: number,
  recipients: number,
  now: number,
): Promise<Fleet> {
  const { db, where } = await freshDatabase(name);
  await closeDb(db);
  const c = await openRaw(where);
  const emails = Array.from({ length: recipients }, (_, i) => `tech${i}@contractor.test`);
  const deviceIds = Array.from({ length: devices }, (_, d) => `d${d}`);
  await c.tx(async () => {
    // Accounts in the bench have proven their address (recipients see shares sent to it).
    const user = (id: string, email: string, name: string) =>
      c.run(
        "insert into users (id, email, name, email_verified, created_at) values ($1, $2, $3, $4, $4)",
        [id, email, name, now],
      );
    await user("owner", "fleet@bench.test", "Fleet");
    for (const [i, e] of emails.entries()) if (i % 2 === 0) await user(`r${i}`, e, `Tech ${i}`); // half already have accounts
    for (const [d, id] of deviceIds.entries())
      await c.run(
        "insert into devices (id, owner_id, name, hardware_id, created_at, updated_at) values ($1, 'owner', $2, $3, $4, $4)",
        [id, `Gateway ${d}`, `hw${d}`, now],
      );
  });
  await c.close();
  return { where, deviceIds, emails };
}

/** Wall ms of `fn`, and this process's CPU ms (user + system) over it. */
type Timing = { ms: number; cpuMs: number };

function startClock(): () => Timing {
  const started = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
  };
}

export async function timeDomain(devices: number, recipients: number): Promise<number> {
  return (await timeDomainRound(devices, recipients)).ms;
}

async function timeDomainRound(devices: number, recipients: number): Promise<Timing> {
  const now = Date.now();
  const { where, deviceIds, emails } = await freshFleet("bulk_domain", devices, recipients, now);
  const db = openDb(where.config);
  const input = {
    recipients: emails,
    deviceIds,
    permissions: "Operator",
    expiresAt: now + 30 * DAY,
    description: "Bench",
    notify: false,
  };
  const stop = startClock();
  await shareDevices(db, { sharerId: "owner", now, input });
  const timing = stop();
  await closeDb(db);
  await expectItems(where, devices * recipients);
  return timing;
}

/** The least any implementation must do: the same rows, ids and indexes, one transaction. */
async function timeFloor(devices: number, recipients: number): Promise<Timing> {
  const now = Date.now();
  const { where, deviceIds, emails } = await freshFleet("bulk_floor", devices, recipients, now);
  const shares = emails.map((email, i) => ({
    id: randomUUID(),
    email,
    recipientId: i % 2 === 0 ? `r${i}` : null,
    tokenHash: randomBytes(32).toString("hex"),
    nonce: randomBytes(16).toString("base64url"),
  }));
  let timing: Timing;
  if (where.config.kind === "sqlite")
    timing = floorSqlite(where.config.path, shares, deviceIds, now);
  else {
    const c = await openRaw(where);
    const stop = startClock();
    await c.tx(() => floorPg(c, shares, deviceIds, now));
    timing = stop();
    await c.close();
  }
  await expectItems(where, devices * recipients);
  return timing;
}

type FloorShare = {
  id: string;
  email: string;
  recipientId: string | null;
  tokenHash: string;
  nonce: string;
};

const SHARE_COLUMNS = `id, sharer_id, recipient_email, recipient_id, permissions, expires_at, description,
  status, token_hash, token_nonce, token_created_at, created_at`;
const ITEM_COLUMNS =
  "id, share_id, device_id, sharer_id, recipient_email, service_ids, live, added_at";

/** Synchronous better-sqlite3, prepared once, as the floor always was on SQLite. */
function floorSqlite(file: string, shares: FloorShare[], deviceIds: string[], now: number): Timing {
  const c = rawSqlite(file);
  const share = c.prepare(
    `insert into shares (${SHARE_COLUMNS}) values (?, 'owner', ?, ?, 'view,operate', ?, 'Bench', 'pending', ?, ?, ?, ?)`,
  );
  const item = c.prepare(
    `insert into share_items (${ITEM_COLUMNS}) values (?, ?, ?, 'owner', ?, null, 1, ?)`,
  );
  const stop = startClock();
  c.transaction(() => {
    for (const s of shares) {
      share.run(s.id, s.email, s.recipientId, now + 30 * DAY, s.tokenHash, s.nonce, now, now);
      for (const d of deviceIds) item.run(randomUUID(), s.id, d, s.email, now);
    }
  }).immediate();
  const timing = stop();
  c.close();
  return timing;
}

async function floorPg(c: Raw, shares: FloorShare[], deviceIds: string[], now: number) {
  await c.run(
    `insert into shares (${SHARE_COLUMNS})
      select id, 'owner', email, rid, 'view,operate', $5, 'Bench', 'pending', th, tn, $6, $6
      from unnest($1::text[], $2::text[], $3::text[], $4::text[], $7::text[]) as u(id, email, rid, th, tn)`,
    [
      shares.map((s) => s.id),
      shares.map((s) => s.email),
      shares.map((s) => s.recipientId),
      shares.map((s) => s.tokenHash),
      now + 30 * DAY,
      now,
      shares.map((s) => s.nonce),
    ],
  );
  const items = shares.flatMap((s) => deviceIds.map((d) => [randomUUID(), s.id, d, s.email]));
  // 10,000 rows per statement, as the engine's insertMany sends them.
  for (let i = 0; i < items.length; i += 10_000) {
    const chunk = items.slice(i, i + 10_000);
    await c.run(
      `insert into share_items (${ITEM_COLUMNS})
        select id, sid, did, 'owner', email, null, 1, $5
        from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as u(id, sid, did, email)`,
      [0, 1, 2, 3].map((k) => chunk.map((row) => row[k])).concat([now] as never),
    );
  }
}

export async function expectItems(where: BenchDatabase, n: number): Promise<void> {
  const c = await openRaw(where);
  const items = await countItems(c);
  await c.close();
  if (items !== n) throw new Error(`bulk share wrote ${items} share items, expected ${n}`);
}

/** The engine's database for a fleet (the domain's and the API's side). */
export const openFleet = (fleet: Fleet): Db => openDb(fleet.where.config);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Rounds of the domain and of the floor, each pair back to back in alternating order. The
 * ratio is the median of the pairs' own ratios: this machine's speed drifts by ±20% over
 * tens of seconds (a shared VM), and a pair run seconds apart sees the same machine, where
 * the two medians of three could come from different minutes.
 */
export async function measureBulkShare(): Promise<{
  items: number;
  domainMs: number;
  floorMs: number;
  ratio: number;
}> {
  // Warm up both sides at full size, as a running server's bulk shares would be: a small
  // fleet left the JIT and the heap cold, so whichever side ran first at full size lost
  // 0.2–0.4 s (the domain, in every run of December 2).
  await timeDomain(DEVICES, RECIPIENTS);
  await timeFloor(DEVICES, RECIPIENTS);
  const domain: Timing[] = [];
  const floor: Timing[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    if (r % 2 === 1) floor.push(await timeFloor(DEVICES, RECIPIENTS));
    domain.push(await timeDomainRound(DEVICES, RECIPIENTS));
    if (r % 2 === 0) floor.push(await timeFloor(DEVICES, RECIPIENTS));
  }
  const list = (xs: Timing[], k: keyof Timing) => xs.map((x) => x[k].toFixed(0)).join(", ");
  console.log(`  bulk share rounds (ms): domain ${list(domain, "ms")}; floor ${list(floor, "ms")}`);
  // This process's CPU varies less than wall time when neighbours share the machine (on
  // PostgreSQL it leaves out the server's work, so it is no floor there).
  console.log(
    `  bulk share rounds, CPU ms of this process: domain ${list(domain, "cpuMs")}; floor ${list(floor, "cpuMs")}`,
  );
  const ms = (xs: Timing[]) => median(xs.map((x) => x.ms));
  return {
    items: DEVICES * RECIPIENTS,
    domainMs: ms(domain),
    floorMs: ms(floor),
    ratio: median(domain.map((d, r) => d.ms / floor[r].ms)),
  };
}
