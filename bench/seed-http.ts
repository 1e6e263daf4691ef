// The data behind the page benchmarks, written straight into a fresh database with prepared
// statements in one transaction (the domain functions would take minutes at this size):
// - a fleet owner with 1,000 devices and 10,000 shares holding 100,000 share items, made
//   as 100 bulk shares of 100 recipients each (half the recipients have accounts);
// - a recipient holding 2,000 shares from 100 sharers, 5 devices each.
// Statuses are mixed so every branch of the effective-status SQL is exercised.
import { sql } from "drizzle-orm";
import { closeDb, insertMany, tablesFor, transaction, type Db } from "@/db/engine";
import { hashPassword } from "@/lib/accounts/password";
import { BENCH_DB, PASSWORD, scaled } from "./config";
import { freshDatabase, type BenchDatabase } from "./databases";
import { DAY } from "@/lib/platform/time";

export const OWNER_EMAIL = "fleet-owner@bench.test";
export const RECIPIENT_EMAIL = "recipient@bench.test";

export type HttpSeed = {
  ownerShares: number;
  ownerItems: number;
  recipientShares: number;
  where: BenchDatabase;
};

export async function seedHttpDb(now: number): Promise<HttpSeed> {
  // SQLite: bench/tmp/bench.db (HTTP_DB, which the server and the plan check open).
  const { db, where } = await freshDatabase("bench");
  const t = tablesFor(BENCH_DB);
  const hash = await hashPassword(PASSWORD); // scrypt is slow on purpose: hash once, reuse
  type Rows<K extends keyof typeof t> = (typeof t)[K] extends { $inferInsert: infer R }
    ? R[]
    : never;
  const users: Rows<"users"> = [];
  const devices: Rows<"devices"> = [];
  const shares: Rows<"shares"> = [];
  const items: Rows<"shareItems"> = [];
  const events: Rows<"shareEvents"> = [];
  // Accounts in the bench have proven their address (recipients see shares sent to it).
  const user = (id: string, email: string, name: string, createdAt: number) =>
    users.push({ id, email, name, passwordHash: hash, createdAt, emailVerified: createdAt });
  const device = (
    id: string,
    ownerId: string,
    name: string,
    hardwareId: string,
    groupPath: string,
  ) =>
    devices.push({
      id,
      ownerId,
      name,
      hardwareId,
      kind: "Gateway",
      groupPath,
      createdAt: now - 300 * DAY,
      updatedAt: now - 300 * DAY,
    });
  // Sharers write a short note with a bulk share; it is stored on every share of the batch.
  const message =
    "Access to the gateways of this site for the maintenance window. " +
    "Please accept the link and call the site manager before you go on site.";

  // Share number j of a sharer gets a status from its number: a tenth cancelled, a
  // seventh expired, the rest split between pending (link still open) and active.
  const addShare = (p: {
    id: string;
    sharer: string;
    email: string;
    userId: string | null;
    j: number;
    created: number;
    deviceIds: string[];
  }) => {
    const cancelled = p.j % 10 === 0;
    const pending = !cancelled && (p.j % 2 === 1 || !p.userId);
    const status = cancelled ? "cancelled" : pending ? "pending" : "active";
    shares.push({
      id: p.id,
      sharerId: p.sharer,
      recipientEmail: p.email,
      recipientId: pending ? null : p.userId,
      permissions: "view,operate",
      expiresAt: p.j % 7 === 0 ? now - DAY : p.j % 3 === 0 ? null : now + 30 * DAY,
      description: `Batch ${Math.floor(p.j / 100)}`,
      message,
      status,
      tokenHash: pending ? `bench-token-${p.id}` : null,
      tokenNonce: pending ? `nonce-${p.id}` : null,
      tokenCreatedAt: p.created,
      createdAt: p.created,
      acceptedAt: status === "active" ? p.created + 60_000 : null,
      endedAt: cancelled ? p.created + 120_000 : null,
    });
    for (const d of p.deviceIds)
      items.push({
        id: `${p.id}-${d}`,
        shareId: p.id,
        deviceId: d,
        sharerId: p.sharer,
        recipientEmail: p.email,
        serviceIds: null,
        live: cancelled ? null : 1,
        addedAt: p.created,
      });
    events.push({
      id: `${p.id}-ev`,
      shareId: p.id,
      sharerId: p.sharer,
      actorId: p.sharer,
      type: "shared",
      data: null,
      createdAt: p.created,
    });
  };

  const ownerShares = scaled(10_000);
  const devicesPerShare = 10;
  const recipientShares = scaled(2_000);
  user("owner", OWNER_EMAIL, "Fleet Owner", now - 400 * DAY);
  user("recipient", RECIPIENT_EMAIL, "Rita Recipient", now - 400 * DAY);
  const fleet = scaled(1_000);
  for (let d = 0; d < fleet; d++)
    device(
      `od${d}`,
      "owner",
      `Gateway ${String(d).padStart(4, "0")}`,
      `80:00:00:00:00:00:${d}`,
      `Site ${d % 10}`,
    );
  for (let j = 0; j < ownerShares; j++) {
    const email = `tech${j}@contractor.test`;
    const userId = j % 2 === 0 ? `r${j}` : null;
    if (userId) user(userId, email, `Technician ${j}`, now - 200 * DAY);
    const batch = Math.floor(j / 100); // one bulk share = 100 recipients, one timestamp
    const deviceIds = Array.from(
      { length: devicesPerShare },
      (_, k) => `od${(batch * devicesPerShare + k) % fleet}`,
    );
    addShare({
      id: `os${j}`,
      sharer: "owner",
      email,
      userId,
      j,
      created: now - (200 - batch) * 3_600_000,
      deviceIds,
    });
  }
  const sharers = Math.max(1, Math.round(recipientShares / 20));
  for (let s = 0; s < sharers; s++) {
    user(
      `sh${s}`,
      `sharer${s}@bench.test`,
      `Sharer ${String(s).padStart(3, "0")}`,
      now - 300 * DAY,
    );
    for (let d = 0; d < 100; d++)
      device(`sd${s}-${d}`, `sh${s}`, `Lock ${s}-${d}`, `hw-${s}-${d}`, "");
  }
  for (let j = 0; j < recipientShares; j++) {
    const s = j % sharers;
    const n = Math.floor(j / sharers); // this sharer's n-th share to the recipient
    const deviceIds = Array.from({ length: 5 }, (_, k) => `sd${s}-${(n * 5 + k) % 100}`);
    addShare({
      id: `rs${j}`,
      sharer: `sh${s}`,
      email: RECIPIENT_EMAIL,
      userId: "recipient",
      j,
      created: now - j * 60_000,
      deviceIds,
    });
  }
  await transaction(db, async (tx) => {
    await insertMany(tx, t.users, users);
    await insertMany(tx, t.devices, devices);
    await insertMany(tx, t.shares, shares);
    await insertMany(tx, t.shareItems, items);
    await insertMany(tx, t.shareEvents, events);
  });
  await settle(db);
  await closeDb(db);
  return { ownerShares, ownerItems: ownerShares * devicesPerShare, recipientShares, where };
}

/**
 * A fresh database is what a restored backup would be. SQLite: the app never runs ANALYZE,
 * so neither does the bench (the WAL is checkpointed). PostgreSQL: autovacuum vacuums and
 * analyzes new tables within a minute of a bulk load (its insert threshold); VACUUM ANALYZE
 * now instead of waiting for it (the vacuum's visibility map lets index-only scans skip the heap).
 */
async function settle(db: Db) {
  if (BENCH_DB === "postgres")
    await db.execute(sql`vacuum analyze`); // not in a transaction: VACUUM refuses one
  else await db.execute(sql`pragma wal_checkpoint(TRUNCATE)`);
}
