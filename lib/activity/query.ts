// The owner's whole sharing history: every event of every share they made, newest first,
// paged by keyset on (created_at, id) over share_events_sharer_idx, so page 1,000 costs
// what page 1 costs.
import "server-only";
import { and, asc, desc, eq, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { ilike, likePattern } from "@/db/engine";
import type { Db } from "@/db/client";
import { shareEvents, shares, users } from "@/db/schema";
import type { ShareEventView } from "@/lib/sharing/share-details";
import type { ActivityFilters, Cursor } from "./filters";

export type ActivityRow = ShareEventView & {
  shareId: string;
  recipientEmail: string;
  recipientName: string | null;
};
export type ActivityPage = { rows: ActivityRow[]; newer?: Cursor; older?: Cursor };

const actor = alias(users, "actor");
const recipient = alias(users, "recipient");

function filterWhere(sharerId: string, f: ActivityFilters): SQL {
  const text = f.recipient?.trim() ? likePattern(f.recipient) : undefined;
  return and(
    eq(shareEvents.sharerId, sharerId),
    f.type ? eq(shareEvents.type, f.type) : undefined,
    f.from !== undefined ? sql`${shareEvents.createdAt} >= ${f.from}` : undefined,
    f.to !== undefined ? sql`${shareEvents.createdAt} < ${f.to}` : undefined,
    text ? or(ilike(shares.recipientEmail, text), ilike(recipient.name, text)) : undefined,
  )!;
}

// Written as a range on created_at first, so SQLite seeks the index instead of scanning.
const olderThan = (c: Cursor) =>
  sql`(${shareEvents.createdAt} <= ${c.at} and (${shareEvents.createdAt} < ${c.at} or ${shareEvents.id} < ${c.id}))`;
const newerThan = (c: Cursor) =>
  sql`(${shareEvents.createdAt} >= ${c.at} and (${shareEvents.createdAt} > ${c.at} or ${shareEvents.id} > ${c.id}))`;

async function select(
  db: Db,
  where: SQL,
  newestFirst: boolean,
  limit: number,
): Promise<ActivityRow[]> {
  const dir = newestFirst ? desc : asc;
  return (
    await db
      .select({
        id: shareEvents.id,
        type: shareEvents.type,
        actorId: shareEvents.actorId,
        actorName: actor.name,
        data: shareEvents.data,
        createdAt: shareEvents.createdAt,
        shareId: shareEvents.shareId,
        recipientEmail: shares.recipientEmail,
        // A group share's recipient is its group (lib/groups).
        recipientName: sql<
          string | null
        >`coalesce(${recipient.name}, 'Group ' || (select g.name from "groups" g where g.id = ${shares.groupId}))`,
      })
      .from(shareEvents)
      .innerJoin(shares, eq(shares.id, shareEvents.shareId))
      .leftJoin(actor, eq(actor.id, shareEvents.actorId))
      .leftJoin(recipient, eq(recipient.email, shares.recipientEmail))
      .where(where)
      .orderBy(dir(shareEvents.createdAt), dir(shareEvents.id))
      .limit(limit)
  ).map((r) => ({
    ...r,
    recipientEmail: r.recipientEmail.startsWith("group:") ? "" : r.recipientEmail,
    data: parseData(r.data),
  }));
}

function parseData(text: string | null): unknown {
  if (text == null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null; // a damaged row still lists, just without its details
  }
}

const cursorOf = (r: ActivityRow): Cursor => ({ at: r.createdAt, id: r.id });

/** One page, newest first: from the start, `before` a cursor (older) or `after` one (newer). */
export async function listActivity(
  db: Db,
  q: ActivityFilters & { sharerId: string; before?: Cursor; after?: Cursor; limit?: number },
): Promise<ActivityPage> {
  const limit = Math.min(500, Math.max(1, Math.floor(q.limit ?? 50)));
  const base = filterWhere(q.sharerId, q);
  if (q.after && !q.before) {
    const found = await select(db, and(base, newerThan(q.after))!, false, limit + 1);
    const rows = found.slice(0, limit).reverse();
    return {
      rows,
      newer: found.length > limit && rows.length ? cursorOf(rows[0]) : undefined,
      older: rows.length ? cursorOf(rows.at(-1)!) : q.after,
    };
  }
  const found = await select(
    db,
    q.before ? and(base, olderThan(q.before))! : base,
    true,
    limit + 1,
  );
  const rows = found.slice(0, limit);
  // Coming back from an older page there is, by construction, something newer.
  return {
    rows,
    newer: q.before ? (rows.length ? cursorOf(rows[0]) : q.before) : undefined,
    older: found.length > limit ? cursorOf(rows.at(-1)!) : undefined,
  };
}

/** Every matching event (newest first) for the CSV export, in keyset batches. */
export async function* allActivity(
  db: Db,
  q: ActivityFilters & { sharerId: string },
  max = 50_000,
): AsyncGenerator<ActivityRow> {
  let before: Cursor | undefined;
  let n = 0;
  while (n < max) {
    const page = await listActivity(db, { ...q, before, limit: 500 });
    for (const r of page.rows) {
      if (n++ >= max) return;
      yield r;
    }
    if (!page.older) return;
    before = page.older;
  }
}
