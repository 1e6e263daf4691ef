import { insertionOrder, transaction, type Conn } from "@/db/engine";
import { and, asc, desc, eq, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { emails, type Email } from "@/db/schema";
import { newId } from "@/lib/platform/ids";
import { normalizeEmail } from "@/lib/platform/email-address";
import type { MailMessage, MailTransport } from "./transport";
import { HOUR } from "@/lib/platform/time";

// A transactional outbox: actions insert the email in the same SQLite transaction as the
// change it announces (so a rolled-back share never emails anyone), and a separate loop
// delivers it later (so a slow or broken mail server never blocks or fails the action).

/** How long a claimed row is hidden from other deliverers while it is being sent. */
export const CLAIM_MS = 60_000;
/** After this many failed attempts the row is marked "failed" and left alone. */
export const MAX_ATTEMPTS = 8;
/** Wait before retry n (1-based); the last value repeats. */
export const BACKOFF_MS = [
  60_000,
  5 * 60_000,
  30 * 60_000,
  2 * HOUR,
  6 * HOUR,
  12 * HOUR,
  24 * HOUR,
];

export function emailBackoffMs(failedAttempts: number): number {
  return BACKOFF_MS[Math.min(Math.max(failedAttempts, 1), BACKOFF_MS.length) - 1];
}

/**
 * Queues an email for delivery. Synchronous and insert-only on purpose: it is called from
 * inside callers' better-sqlite3 transactions, which cannot span an await.
 * Returns the new row's id.
 */
export async function queueEmail(db: Conn, msg: MailMessage, now: number): Promise<string> {
  return transaction(db, async (tx) => {
    const id = newId();
    await tx.insert(emails).values({
      id,
      to: msg.to.trim(),
      subject: msg.subject,
      text: msg.text,
      html: msg.html,
      status: "queued",
      attempts: 0,
      nextAttemptAt: now,
      createdAt: now,
    });
    return id;
  });
}

export type DeliveryReport = { sent: number; retrying: number; failed: number; skipped: number };

const errorText = (e: unknown): string =>
  (e instanceof Error ? e.message || e.name : String(e)).slice(0, 1000) || "Unknown error";

/**
 * Sends the queued emails that are due, at most `limit`, one by one. Never throws: a
 * failure is recorded on the row (and rescheduled) or, at worst, left for the next round.
 */
export async function deliverDue(
  db: Db,
  opts: { now: number; transport: MailTransport; limit?: number },
): Promise<DeliveryReport> {
  const { now, transport, limit = 50 } = opts;
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0, skipped: 0 };
  let due: { id: string }[];
  try {
    due = await db
      .select({ id: emails.id })
      .from(emails)
      .where(and(eq(emails.status, "queued"), lte(emails.nextAttemptAt, now)))
      .orderBy(asc(emails.nextAttemptAt), asc(emails.createdAt))
      .limit(limit);
  } catch {
    return report; // database unavailable: the next round will try again
  }

  for (const { id } of due) {
    try {
      // The claim is one guarded UPDATE in its own short transaction, atomic on both engines:
      // whoever moves next_attempt_at into the future first owns the row; the others (other
      // processes, other app servers: on PostgreSQL the second waits for the first's commit,
      // then re-reads the row and no longer matches) see 0 rows. The send happens outside
      // any transaction, so a slow mail server holds no lock.
      const [row] = await transaction(db, async (tx) =>
        tx
          .update(emails)
          .set({ nextAttemptAt: now + CLAIM_MS })
          .where(
            and(eq(emails.id, id), eq(emails.status, "queued"), lte(emails.nextAttemptAt, now)),
          )
          .returning(),
      );
      if (!row) {
        report.skipped++;
        continue;
      }
      await deliverOne(db, row, now, transport, report);
    } catch {
      // Only the bookkeeping writes can land here; the claim expires and the row is retried.
      report.skipped++;
    }
  }
  return report;
}

async function deliverOne(
  db: Db,
  row: Email,
  now: number,
  transport: MailTransport,
  report: DeliveryReport,
) {
  const attempts = row.attempts + 1;
  try {
    await transport.send({ to: row.to, subject: row.subject, text: row.text, html: row.html });
  } catch (e) {
    const giveUp = attempts >= MAX_ATTEMPTS;
    await transaction(db, async (tx) => {
      await tx
        .update(emails)
        .set({
          attempts,
          lastError: errorText(e),
          status: giveUp ? "failed" : "queued",
          nextAttemptAt: giveUp ? null : now + emailBackoffMs(attempts),
          // Given up on: nothing will send it, so its body (which may hold a link) goes.
          ...(giveUp ? { text: "", html: "" } : {}),
        })
        .where(eq(emails.id, row.id));
    });
    if (giveUp) report.failed++;
    else report.retrying++;
    return;
  }
  // Should this write fail after a successful send, the claim expires and the row is sent
  // again: delivery is at-least-once, which beats silently losing an invitation.
  // Sent over SMTP, the body has done its job: it goes (invitations hold working links). In
  // the local outbox mode the row *is* the delivered message, read on /dev/outbox: it stays.
  const sent =
    transport.kind === "outbox"
      ? { status: "outbox" as const }
      : { status: "sent" as const, text: "", html: "" };
  await transaction(db, async (tx) => {
    await tx
      .update(emails)
      .set({ attempts, ...sent, sentAt: now, nextAttemptAt: null })
      .where(eq(emails.id, row.id));
  });
  report.sent++;
}

/** Emails newest first, for the developer's outbox page; with `to`, only those to that address. */
export async function listOutbox(
  db: Db,
  opts: { limit?: number; offset?: number; to?: string } = {},
): Promise<Email[]> {
  const limit = Math.min(Math.max(Math.trunc(opts.limit ?? 50), 1), 500);
  const offset = Math.max(Math.trunc(opts.offset ?? 0), 0);
  return await db
    .select()
    .from(emails)
    .where(
      opts.to === undefined ? undefined : sql`lower(${emails.to}) = ${normalizeEmail(opts.to)}`,
    )
    // Same timestamp: the later insert first (ids are random).
    .orderBy(desc(emails.createdAt), insertionOrder(emails.id, "desc"))
    .limit(limit)
    .offset(offset);
}

/** Total number of emails, so the outbox page can paginate. */
export async function countOutbox(db: Db): Promise<number> {
  return (await db.select({ n: sql<number>`count(*)` }).from(emails))[0]?.n ?? 0;
}
