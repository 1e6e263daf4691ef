// (c) Bulk share: 1,000 devices × 100 recipients through the domain function, against the
// floor of raw better-sqlite3 inserting the same rows. Each round starts from a fresh file
// database (an in-memory one would hide the cost of the journal) with the same fleet.
import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import { shareDevices } from "@/lib/sharing/share-devices";
import { scaled, TMP_DIR } from "./config";
import { closeDb, openSqliteDb, rawSqlite, removeSqliteFile } from "./sqlite-file";
import { DAY } from "@/lib/platform/time";

const DEVICES = scaled(1_000);
const RECIPIENTS = 100;
const ROUNDS = 3;

/** A migrated file database with the fleet, seeded on a raw connection (closed again). */
export async function freshFleet(name: string, devices: number, recipients: number, now: number) {
  const file = path.join(TMP_DIR, name);
  removeSqliteFile(file);
  await closeDb(await openSqliteDb(file, true));
  const c = rawSqlite(file);
  const user = c.prepare("insert into users (id, email, name, created_at) values (?, ?, ?, ?)");
  const device = c.prepare(
    "insert into devices (id, owner_id, name, hardware_id, created_at, updated_at) values (?, 'owner', ?, ?, ?, ?)",
  );
  const emails = Array.from({ length: recipients }, (_, i) => `tech${i}@contractor.test`);
  c.transaction(() => {
    user.run("owner", "fleet@bench.test", "Fleet", now);
    emails.forEach((e, i) => i % 2 === 0 && user.run(`r${i}`, e, `Tech ${i}`, now)); // half already have accounts
    for (let d = 0; d < devices; d++) device.run(`d${d}`, `Gateway ${d}`, `hw${d}`, now, now);
  })();
  // Accounts in the bench have proven their address (recipients see shares sent to it).
  c.prepare("update users set email_verified = created_at").run();
  c.close();
  return { file, deviceIds: Array.from({ length: devices }, (_, d) => `d${d}`), emails };
}

export async function timeDomain(devices: number, recipients: number): Promise<number> {
  const now = Date.now();
  const { file, deviceIds, emails } = await freshFleet("bulk-domain.db", devices, recipients, now);
  const db = await openSqliteDb(file);
  const input = {
    recipients: emails,
    deviceIds,
    permissions: "Operator",
    expiresAt: now + 30 * DAY,
    description: "Bench",
    notify: false,
  };
  const started = performance.now();
  await shareDevices(db, { sharerId: "owner", now, input });
  const ms = performance.now() - started;
  await closeDb(db);
  expectItems(file, devices * recipients);
  return ms;
}

/** The least any implementation must do: the same rows, ids and indexes, one transaction. */
async function timeFloor(devices: number, recipients: number): Promise<number> {
  const now = Date.now();
  const { file, deviceIds, emails } = await freshFleet("bulk-floor.db", devices, recipients, now);
  const c = rawSqlite(file);
  const share =
    c.prepare(`insert into shares (id, sharer_id, recipient_email, recipient_id, permissions, expires_at, description,
    status, token_hash, token_nonce, token_created_at, created_at)
    values (?, 'owner', ?, ?, 'view,operate', ?, 'Bench', 'pending', ?, ?, ?, ?)`);
  const item = c.prepare(
    "insert into share_items (id, share_id, device_id, sharer_id, recipient_email, service_ids, live, added_at) " +
      "values (?, ?, ?, 'owner', ?, null, 1, ?)",
  );
  const started = performance.now();
  c.transaction(() => {
    emails.forEach((email, i) => {
      const shareId = randomUUID();
      share.run(
        shareId,
        email,
        i % 2 === 0 ? `r${i}` : null,
        now + 30 * DAY,
        randomBytes(32).toString("hex"),
        randomBytes(16).toString("base64url"),
        now,
        now,
      );
      for (const d of deviceIds) item.run(randomUUID(), shareId, d, email, now);
    });
  }).immediate();
  const ms = performance.now() - started;
  c.close();
  expectItems(file, devices * recipients);
  return ms;
}

export function expectItems(file: string, n: number) {
  const c = rawSqlite(file);
  const { items } = c.prepare("select count(*) as items from share_items").get() as {
    items: number;
  };
  c.close();
  if (items !== n) throw new Error(`bulk share wrote ${items} share items, expected ${n}`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function measureBulkShare(): Promise<{
  items: number;
  domainMs: number;
  floorMs: number;
}> {
  // Warm the JIT and the module graph on a small fleet, as a running server would be.
  await timeDomain(50, 10);
  await timeFloor(50, 10);
  const domain: number[] = [];
  const floor: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    // Alternate the order so a neighbour's burst on the machine hits both sides alike.
    if (r % 2 === 1) floor.push(await timeFloor(DEVICES, RECIPIENTS));
    domain.push(await timeDomain(DEVICES, RECIPIENTS));
    if (r % 2 === 0) floor.push(await timeFloor(DEVICES, RECIPIENTS));
  }
  console.log(
    `  bulk share rounds (ms): domain ${domain.map((x) => x.toFixed(0)).join(", ")}; floor ${floor.map((x) => x.toFixed(0)).join(", ")}`,
  );
  return { items: DEVICES * RECIPIENTS, domainMs: median(domain), floorMs: median(floor) };
}
