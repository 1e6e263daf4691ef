// After the server has stopped: the database file, opened read-only, must hold every share
// the server acknowledged (with all its devices), every accepted share must be Active, and
// SQLite's own integrity check must pass.
import Database from "better-sqlite3";
import { effectiveStatus } from "@/lib/sharing/status";
import type { Share } from "@/db/schema";
import { LOAD_DB } from "./config";
import type { Workload } from "./mix";

export type Verification = {
  integrityCheck: string;
  acknowledgedShares: number;
  missingShares: number;
  wrongShares: number;
  acceptedShares: number;
  acceptedNotActive: number;
  acceptedWithoutEvent: number;
  /** Shares in the file beyond the seed and the acknowledged ones: made, but the answer never arrived. */
  unacknowledgedShares: number;
  ok: boolean;
};

type Row = Pick<Share, "status" | "expiresAt" | "suspendedAt"> & {
  sharerId: string;
  recipientEmail: string;
  items: number;
  accepted: number;
};

export function verifyDatabase(
  work: Workload,
  seededShares: number,
  now = Date.now(),
): Verification {
  const db = new Database(LOAD_DB, { readonly: true, fileMustExist: true });
  try {
    const integrityCheck =
      (db.pragma("integrity_check", { simple: true }) as string) ?? "no answer";
    const get =
      db.prepare(`select s.status, s.expires_at as expiresAt, s.suspended_at as suspendedAt, s.sharer_id as sharerId,
        s.recipient_email as recipientEmail,
        (select count(*) from share_items i where i.share_id = s.id) as items,
        (select count(*) from share_events e where e.share_id = s.id and e.type = 'accepted') as accepted
      from shares s where s.id = ?`);
    let missingShares = 0;
    let wrongShares = 0;
    for (const [id, ack] of work.created) {
      const row = get.get(id) as Row | undefined;
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
      const row = get.get(id) as Row | undefined;
      if (!row || effectiveStatus(row, now) !== "Active") acceptedNotActive++;
      else if (row.accepted !== 1) acceptedWithoutEvent++;
    }
    const total = (db.prepare("select count(*) as n from shares").get() as { n: number }).n;
    const unacknowledgedShares = total - seededShares - work.created.size;
    return {
      integrityCheck,
      acknowledgedShares: work.created.size,
      missingShares,
      wrongShares,
      acceptedShares: work.accepted.size,
      acceptedNotActive,
      acceptedWithoutEvent,
      unacknowledgedShares,
      ok:
        integrityCheck === "ok" &&
        missingShares + wrongShares + acceptedNotActive + acceptedWithoutEvent === 0,
    };
  } finally {
    db.close();
  }
}
