// The load test's own database: owners with devices, recipients with accounts, and a few
// bulk shares made through the domain (`shareDevices`, `acceptShare`) so every list has
// rows, and accepts and link pages have something to work on from the first second.
import { hashPassword } from "@/lib/accounts/password";
import { acceptShare } from "@/lib/sharing/lifecycle";
import { shareDevices } from "@/lib/sharing/share-devices";
import { PASSWORD } from "../config";
import { closeDb, openSqliteDb, rawSqlite, removeSqliteFile } from "../sqlite-file";
import {
  DEVICES_PER_SHARE,
  INVITED_PER_SHARE,
  LOAD_DB,
  LOAD_DEVICES,
  OWNERS,
  RECIPIENTS,
  SEED_SHARES,
} from "./config";

export const ownerEmail = (o: number) => `owner${o}@load.test`;
export const recipientEmail = (r: number) => `recipient${r}@load.test`;
/** The id of device `d` of owner `o`; devices 0..LOAD_DEVICES-1 are the load's, the rest the seed's. */
export const deviceId = (o: number, d: number) => `o${o}-d${d}`;

export type PendingShare = { shareId: string; recipient: number };
export type Seeded = { pending: PendingShare[]; tokens: string[]; shares: number };

/** A bulk share's body: one block of devices, one recipient with an account, the rest invited. */
export function shareBody(o: number, block: number, recipient: number, invitedTag: string) {
  const deviceIds = Array.from({ length: DEVICES_PER_SHARE }, (_, k) =>
    deviceId(o, block * DEVICES_PER_SHARE + k),
  );
  const invited = Array.from(
    { length: INVITED_PER_SHARE },
    (_, k) => `guest-${invitedTag}-${k}@invited.test`,
  );
  return {
    recipients: [recipientEmail(recipient), ...invited],
    deviceIds,
    permissions: "view,operate",
    expiresAt: null,
    description: `Load ${invitedTag}`,
    message: "Access for the maintenance window.",
    notify: false,
  };
}

export async function seedLoadDb(now: number): Promise<Seeded> {
  removeSqliteFile(LOAD_DB);
  const db = await openSqliteDb(LOAD_DB, true);
  // Fleet rows in raw SQL on a connection of their own; the shares through the domain.
  const c = rawSqlite(LOAD_DB);
  const hash = await hashPassword(PASSWORD);
  const user = c.prepare(
    "insert into users (id, email, name, password_hash, created_at) values (?, ?, ?, ?, ?)",
  );
  const device = c.prepare(
    "insert into devices (id, owner_id, name, hardware_id, kind, group_path, created_at, updated_at) " +
      "values (?, ?, ?, ?, 'Gateway', ?, ?, ?)",
  );
  const seedDevices = SEED_SHARES * DEVICES_PER_SHARE;
  c.transaction(() => {
    for (let r = 0; r < RECIPIENTS; r++)
      user.run(`rcp${r}`, recipientEmail(r), `Recipient ${r}`, hash, now);
    for (let o = 0; o < OWNERS; o++) {
      user.run(`own${o}`, ownerEmail(o), `Owner ${o}`, hash, now);
      for (let d = 0; d < LOAD_DEVICES + seedDevices; d++) {
        device.run(
          deviceId(o, d),
          `own${o}`,
          `Gateway ${o}-${String(d).padStart(4, "0")}`,
          `hw-${o}-${d}`,
          `Site ${d % 10}`,
          now,
          now,
        );
      }
    }
  })();
  // Accounts in the bench have proven their address (recipients see shares sent to it).
  c.prepare("update users set email_verified = created_at").run();
  c.close();

  // Seed shares use the devices after the load's, so the load's own blocks never conflict.
  const seeded: Seeded = { pending: [], tokens: [], shares: 0 };
  for (let o = 0; o < OWNERS; o++) {
    for (let s = 0; s < SEED_SHARES; s++) {
      const r = (o + s) % RECIPIENTS;
      const body = shareBody(o, LOAD_DEVICES / DEVICES_PER_SHARE + s, r, `seed-${o}-${s}`);
      const result = await shareDevices(db, { sharerId: `own${o}`, input: body, now });
      seeded.shares += result.shares.length;
      for (const sh of result.shares) {
        if (sh.recipientId == null) seeded.tokens.push(sh.token);
        else if (s % 2 === 0)
          await acceptShare(db, {
            shareId: sh.shareId,
            user: { id: `rcp${r}`, email: recipientEmail(r), emailVerified: now },
            now,
          });
        else seeded.pending.push({ shareId: sh.shareId, recipient: r });
      }
    }
  }
  await closeDb(db);
  const done = rawSqlite(LOAD_DB);
  done.pragma("wal_checkpoint(TRUNCATE)");
  done.close();
  return seeded;
}
