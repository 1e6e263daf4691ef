// The load test's own database: owners with devices, recipients with accounts, and a few
// bulk shares made through the domain (`shareDevices`, `acceptShare`) so every list has
// rows, and accepts and link pages have something to work on from the first second.
import { hashPassword } from "@/lib/accounts/password";
import { acceptShare } from "@/lib/sharing/lifecycle";
import { shareDevices } from "@/lib/sharing/share-devices";
import { PASSWORD } from "../config";
import { insertMany, transaction } from "@/db/engine";
import { devices, users } from "@/db/schema";
import { freshDatabase, type BenchDatabase } from "../databases";
import { closeDb, rawSqlite } from "../sqlite-file";
import {
  DEVICES_PER_SHARE,
  INVITED_PER_SHARE,
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
export type Seeded = {
  pending: PendingShare[];
  tokens: string[];
  shares: number;
  /** The load's database (BENCH_DB: a file in bench/tmp, or a PostgreSQL database). */
  where: BenchDatabase;
};

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
  const { db, where } = await freshDatabase("load", 2);
  // Fleet rows through the engine's bulk insert; the shares through the domain.
  const hash = await hashPassword(PASSWORD);
  // Accounts in the bench have proven their address (recipients see shares sent to it).
  const people = [
    ...Array.from({ length: RECIPIENTS }, (_, r) => ({
      id: `rcp${r}`,
      email: recipientEmail(r),
      name: `Recipient ${r}`,
    })),
    ...Array.from({ length: OWNERS }, (_, o) => ({
      id: `own${o}`,
      email: ownerEmail(o),
      name: `Owner ${o}`,
    })),
  ].map((u) => ({ ...u, passwordHash: hash, createdAt: now, emailVerified: now }));
  const seedDevices = SEED_SHARES * DEVICES_PER_SHARE;
  const fleet = Array.from({ length: OWNERS }, (_, o) =>
    Array.from({ length: LOAD_DEVICES + seedDevices }, (_, d) => ({
      id: deviceId(o, d),
      ownerId: `own${o}`,
      name: `Gateway ${o}-${String(d).padStart(4, "0")}`,
      hardwareId: `hw-${o}-${d}`,
      kind: "Gateway",
      groupPath: `Site ${d % 10}`,
      createdAt: now,
      updatedAt: now,
    })),
  ).flat();
  await transaction(db, async (tx) => {
    await insertMany(tx, users, people);
    await insertMany(tx, devices, fleet);
  });

  // Seed shares use the devices after the load's, so the load's own blocks never conflict.
  const seeded: Omit<Seeded, "where"> = { pending: [], tokens: [], shares: 0 };
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
  if (where.config.kind === "sqlite") {
    const done = rawSqlite(where.config.path);
    done.pragma("wal_checkpoint(TRUNCATE)");
    done.close();
  }
  return { ...seeded, where };
}
