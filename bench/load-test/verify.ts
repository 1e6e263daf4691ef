// After the server has stopped: the database must hold every share the server acknowledged
// (with all its devices), and every accepted share must be Active. SQLite's own integrity
// check must pass too; PostgreSQL has none to run (its constraints were checked on write).
import { sql } from "drizzle-orm";
import { closeDb, openDb, type Db } from "@/db/engine";
import type { Share } from "@/db/schema";
import { effectiveStatus, type StatusFields } from "@/lib/sharing/status";
import type { BenchDatabase } from "../databases";
import type { Workload } from "./mix";

export type Verification = {
  /** "ok", SQLite's complaint, or "none on PostgreSQL". */
  integrityCheck: string;
  acknowledgedShares: number;
  missingShares: number;
  wrongShares: number;
  acceptedShares: number;
  acceptedNotActive: number;
  acceptedWithoutEvent: number;
  /** Shares in the database beyond the seed and the acknowledged ones: made, but the answer never arrived. */
  unacknowledgedShares: number;
  ok: boolean;
};

/** PostgreSQL answers counts and bigints as strings: numbers (or null) here. */
const num = (v: unknown) => (v == null ? null : Number(v));

type Row = StatusFields & {
  sharerId: string;
  recipientEmail: string;
  items: number;
  accepted: number;
};

async function shareRow(db: Db, id: string): Promise<Row | undefined> {
  const { rows } = await db.execute(sql`select s.status, s.expires_at as "expiresAt",
      s.suspended_at as "suspendedAt", s.sharer_id as "sharerId",
      s.recipient_email as "recipientEmail",
      (select count(*) from share_items i where i.share_id = s.id) as "items",
      (select count(*) from share_events e where e.share_id = s.id and e.type = 'accepted') as "accepted"
    from shares s where s.id = ${id}`);
  const r = rows[0] as Record<string, unknown> | undefined;
  if (!r) return undefined;
  return {
    status: String(r.status) as Share["status"],
    expiresAt: num(r.expiresAt),
    suspendedAt: num(r.suspendedAt),
    sharerId: String(r.sharerId),
    recipientEmail: String(r.recipientEmail),
    items: Number(r.items),
    accepted: Number(r.accepted),
  };
}

async function integrityCheck(db: Db, where: BenchDatabase): Promise<string> {
  if (where.config.kind !== "sqlite") return "none on PostgreSQL";
  const { rows } = await db.execute(sql`pragma integrity_check`);
  return String(Object.values((rows[0] as Record<string, unknown>) ?? {})[0] ?? "no answer");
}

export async function verifyDatabase(
  where: BenchDatabase,
  work: Workload,
  seededShares: number,
  now = Date.now(),
): Promise<Verification> {
  const db = openDb(where.config);
  try {
    const integrity = await integrityCheck(db, where);
    let missingShares = 0;
    let wrongShares = 0;
    for (const [id, ack] of work.created) {
      const row = await shareRow(db, id);
      if (!row) missingShares++;
      else if (
        row.sharerId !== `own${ack.sharerIndex}` ||
        row.recipientEmail !== ack.recipientEmail ||
        row.items !== ack.devices
      )
        wrongShares++;
    }
    let acceptedNotActive = 0;
    let acceptedWithoutEvent = 0;
    for (const id of work.accepted) {
      const row = await shareRow(db, id);
      if (!row || effectiveStatus(row, now) !== "Active") acceptedNotActive++;
      else if (row.accepted !== 1) acceptedWithoutEvent++;
    }
    const { rows } = await db.execute(sql`select count(*) as "n" from shares`);
    const total = Number((rows[0] as { n: unknown }).n);
    return {
      integrityCheck: integrity,
      acknowledgedShares: work.created.size,
      missingShares,
      wrongShares,
      acceptedShares: work.accepted.size,
      acceptedNotActive,
      acceptedWithoutEvent,
      unacknowledgedShares: total - seededShares - work.created.size,
      ok:
        (integrity === "ok" || where.config.kind !== "sqlite") &&
        missingShares + wrongShares + acceptedNotActive + acceptedWithoutEvent === 0,
    };
  } finally {
    await closeDb(db);
  }
}
