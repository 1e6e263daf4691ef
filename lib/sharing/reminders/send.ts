// Expiry reminders: found from the database on every round (so nothing is lost across
// restarts) and claimed through the unique (share_id, offset_ms) index (so nothing is sent
// twice, whichever of several server processes gets there first).
import { affected, transaction, type Conn } from "@/db/engine";
import "server-only";
import { addressesFor, recipientLabel } from "@/lib/groups/membership";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { devices, shareItems, shareReminders, shares, users } from "@/db/schema";
import { appUrl } from "@/lib/platform/email/app-url";
import { queueEmail } from "@/lib/platform/email/outbox";
import { expiryReminderEmail } from "@/lib/platform/email/templates";
import { writeTx } from "@/lib/sharing/share-store";

export type ReminderReport = { reminders: number; emails: number };
type DueShare = {
  id: string;
  sharerId: string;
  recipientEmail: string;
  status: string;
  expiresAt: number;
  suspendedAt: number | null;
};

/**
 * Live shares whose expiry is within `offset`, that existed before the reminder fell due
 * (a share created for one day gets no "24 hours left" mail at birth), and whose reminder
 * for this offset and this expiry has not been claimed. Uses shares_expires_idx.
 */
async function findDue(db: Conn, offset: number, now: number, limit: number): Promise<DueShare[]> {
  return await db
    .select({
      id: shares.id,
      sharerId: shares.sharerId,
      recipientEmail: shares.recipientEmail,
      status: shares.status,
      expiresAt: sql<number>`${shares.expiresAt}`,
      suspendedAt: shares.suspendedAt,
    })
    .from(shares)
    .where(
      and(
        sql`${shares.expiresAt} > ${now} and ${shares.expiresAt} <= ${now + offset}`,
        sql`${shares.status} in ('pending', 'active')`,
        sql`${shares.createdAt} <= ${shares.expiresAt} - ${offset}`,
        sql`not exists (select 1 from ${shareReminders} r where r.share_id = ${shares.id}
          and r.offset_ms = ${offset} and r.expires_at = ${shares.expiresAt})`,
      ),
    )
    .orderBy(asc(shares.expiresAt))
    .limit(limit);
}

/**
 * Claims one reminder. One statement, atomic on both engines: the insert wins for the first
 * process (on PostgreSQL a second server's insert waits for the first to commit, then sees
 * its row); later ones hit the unique index and update only if the expiry moved (an
 * extension re-arms the reminder). Returns true for exactly one caller per expiry.
 */
export async function claimReminder(
  db: Conn,
  shareId: string,
  offset: number,
  expiresAt: number,
  now: number,
): Promise<boolean> {
  return transaction(db, async (tx) => {
    const res = await tx.execute(
      sql`insert into share_reminders (share_id, offset_ms, expires_at, sent_at)
        values (${shareId}, ${offset}, ${expiresAt}, ${now})
        on conflict (share_id, offset_ms) do update set expires_at = excluded.expires_at, sent_at = excluded.sent_at
        where share_reminders.expires_at <> excluded.expires_at`,
    );
    return affected(res) === 1;
  });
}

async function deviceNames(db: Conn, shareId: string): Promise<string[]> {
  return (
    await db
      .select({ name: devices.name })
      .from(shareItems)
      .innerJoin(devices, eq(devices.id, shareItems.deviceId))
      .where(and(eq(shareItems.shareId, shareId), isNull(shareItems.removedAt)))
      .orderBy(asc(devices.name))
  ).map((r) => r.name);
}

const userByEmail = async (db: Conn, email: string) =>
  (
    await db
      .select({ name: users.name, email: users.email })
      .from(users)
      .where(eq(users.email, email))
  )[0];
const userById = async (db: Conn, id: string) =>
  (
    await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, id))
  )[0];

/**
 * The sharer always hears (with a one-click Extend expiration link); the recipient only
 * while the share gives them access (active, not suspended): a pending invitation or a
 * paused share has no access to lose.
 */
async function queueReminderEmails(
  db: Conn,
  s: DueShare,
  base: string,
  now: number,
): Promise<number> {
  const sharer = await userById(db, s.sharerId);
  if (!sharer) return 0;
  const recipient = await userByEmail(db, s.recipientEmail);
  const names = await deviceNames(db, s.id);
  const sharerMail = expiryReminderEmail({
    role: "sharer",
    counterpartName: recipient?.name ?? (await recipientLabel(db, s.recipientEmail)),
    counterpartEmail: recipient ? s.recipientEmail : null,
    devices: names,
    expiresAt: s.expiresAt,
    shareUrl: `${base}/shared-by-me/${s.id}`,
    extendUrl: `${base}/shared-by-me/${s.id}?extend=1`,
  });
  await queueEmail(db, { to: sharer.email, ...sharerMail }, now);
  if (s.status !== "active" || s.suspendedAt != null) return 1;
  const recipientMail = expiryReminderEmail({
    role: "recipient",
    counterpartName: sharer.name,
    counterpartEmail: sharer.email,
    devices: names,
    expiresAt: s.expiresAt,
    shareUrl: `${base}/shared-with-me/${s.id}`,
  });
  // A group share reminds each member who still has it (lib/groups).
  const to = await addressesFor(db, s);
  for (const address of to) await queueEmail(db, { to: address, ...recipientMail }, now);
  return 1 + to.length;
}

/**
 * One round: claims and queues every due reminder (at most `limit` shares), all in one
 * write transaction, so a claim and its emails commit or vanish together. Two servers may
 * find the same share due; the claim (unique index) lets one of them queue its emails.
 */
export async function sendDueReminders(
  db: Conn,
  opts: { now: number; offsets: readonly number[]; limit?: number; baseUrl?: string },
): Promise<ReminderReport> {
  // Smallest offset first: when several are due at once (a server that was down, a short
  // share), only the most urgent reminder is sent and the earlier ones are marked done.
  const offsets = [...new Set(opts.offsets)].filter((o) => o > 0).sort((a, b) => a - b);
  const { now, limit = 200 } = opts;
  const base = (opts.baseUrl ?? appUrl()).replace(/\/+$/, "");
  if (!offsets.length) return { reminders: 0, emails: 0 };
  return writeTx(db, async (tx) => {
    const report: ReminderReport = { reminders: 0, emails: 0 };
    for (const [i, offset] of offsets.entries()) {
      if (report.reminders >= limit) break;
      for (const s of await findDue(tx, offset, now, limit - report.reminders)) {
        if (!(await claimReminder(tx, s.id, offset, s.expiresAt, now))) continue;
        for (const larger of offsets.slice(i + 1))
          await claimReminder(tx, s.id, larger, s.expiresAt, now);
        report.emails += await queueReminderEmails(tx, s, base, now);
        report.reminders++;
      }
    }
    return report;
  });
}
