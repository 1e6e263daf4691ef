// The data behind the page benchmarks, written straight into a fresh database with prepared
// statements in one transaction (the domain functions would take minutes at this size):
// - a fleet owner with 1,000 devices and 10,000 shares holding 100,000 share items, made
//   as 100 bulk shares of 100 recipients each (half the recipients have accounts);
// - a recipient holding 2,000 shares from 100 sharers, 5 devices each.
// Statuses are mixed so every branch of the effective-status SQL is exercised.
import fs from "node:fs";
import { openDb } from "@/db/client";
import { hashPassword } from "@/lib/accounts/password";
import { HTTP_DB, PASSWORD, scaled } from "./config";

export const OWNER_EMAIL = "fleet-owner@bench.test";
export const RECIPIENT_EMAIL = "recipient@bench.test";
const DAY = 86_400_000;

export type HttpSeed = { ownerShares: number; ownerItems: number; recipientShares: number };

export async function seedHttpDb(now: number): Promise<HttpSeed> {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(HTTP_DB + suffix, { force: true });
  const db = openDb(HTTP_DB, { migrate: true });
  const c = db.$client;
  const hash = await hashPassword(PASSWORD); // scrypt is slow on purpose: hash once, reuse
  const user = c.prepare(
    "insert into users (id, email, name, password_hash, created_at) values (?, ?, ?, ?, ?)",
  );
  const device = c.prepare(
    "insert into devices (id, owner_id, name, hardware_id, kind, group_path, created_at, updated_at) values (?, ?, ?, ?, 'Gateway', ?, ?, ?)",
  );
  const share =
    c.prepare(`insert into shares (id, sharer_id, recipient_email, recipient_id, permissions, expires_at,
    description, message, status, token_hash, token_nonce, token_created_at, created_at, accepted_at, ended_at)
    values (@id, @sharer, @email, @recipientId, @perms, @expires, @description, @message, @status, @tokenHash, @nonce, @created, @created,
      @accepted, @ended)`);
  // Sharers write a short note with a bulk share; it is stored on every share of the batch.
  const message =
    "Access to the gateways of this site for the maintenance window. Please accept the link and call the site manager before you go on site.";
  const item =
    c.prepare(`insert into share_items (id, share_id, device_id, sharer_id, recipient_email, service_ids, live, added_at)
    values (?, ?, ?, ?, ?, null, ?, ?)`);
  const event = c.prepare(
    "insert into share_events (id, share_id, sharer_id, actor_id, type, data, created_at) values (?, ?, ?, ?, 'shared', null, ?)",
  );

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
    const live = cancelled ? null : 1;
    share.run({
      id: p.id,
      sharer: p.sharer,
      email: p.email,
      recipientId: pending ? null : p.userId,
      perms: "view,operate",
      expires: p.j % 7 === 0 ? now - DAY : p.j % 3 === 0 ? null : now + 30 * DAY,
      description: `Batch ${Math.floor(p.j / 100)}`,
      message,
      status,
      tokenHash: pending ? `bench-token-${p.id}` : null,
      nonce: pending ? `nonce-${p.id}` : null,
      created: p.created,
      accepted: status === "active" ? p.created + 60_000 : null,
      ended: cancelled ? p.created + 120_000 : null,
    });
    for (const d of p.deviceIds)
      item.run(`${p.id}-${d}`, p.id, d, p.sharer, p.email, live, p.created);
    event.run(`${p.id}-ev`, p.id, p.sharer, p.sharer, p.created);
  };

  const ownerShares = scaled(10_000);
  const devicesPerShare = 10;
  const recipientShares = scaled(2_000);
  c.transaction(() => {
    user.run("owner", OWNER_EMAIL, "Fleet Owner", hash, now - 400 * DAY);
    user.run("recipient", RECIPIENT_EMAIL, "Rita Recipient", hash, now - 400 * DAY);
    const fleet = scaled(1_000);
    for (let d = 0; d < fleet; d++) {
      device.run(
        `od${d}`,
        "owner",
        `Gateway ${String(d).padStart(4, "0")}`,
        `80:00:00:00:00:00:${d}`,
        `Site ${d % 10}`,
        now - 300 * DAY,
        now - 300 * DAY,
      );
    }
    for (let j = 0; j < ownerShares; j++) {
      const email = `tech${j}@contractor.test`;
      const userId = j % 2 === 0 ? `r${j}` : null;
      if (userId) user.run(userId, email, `Technician ${j}`, hash, now - 200 * DAY);
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
      user.run(
        `sh${s}`,
        `sharer${s}@bench.test`,
        `Sharer ${String(s).padStart(3, "0")}`,
        hash,
        now - 300 * DAY,
      );
      for (let d = 0; d < 100; d++)
        device.run(
          `sd${s}-${d}`,
          `sh${s}`,
          `Lock ${s}-${d}`,
          `hw-${s}-${d}`,
          "",
          now - 300 * DAY,
          now - 300 * DAY,
        );
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
  })();
  // Accounts in the bench have proven their address (recipients see shares sent to it).
  c.prepare("update users set email_verified = created_at").run();
  // A fresh database is what a restored backup would be: the app never runs ANALYZE, so neither do we.
  c.pragma("wal_checkpoint(TRUNCATE)");
  c.close();
  return { ownerShares, ownerItems: ownerShares * devicesPerShare, recipientShares };
}
