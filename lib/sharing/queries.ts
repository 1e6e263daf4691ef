// Lists for the "Shared by Me" and "Shared with Me" pages.
import { type Conn, ilike, likePattern, transaction } from "@/db/engine";
import type { PgColumn } from "drizzle-orm/pg-core";
import {
  and,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  inArray,
  isNull,
  or,
  sql,
  type SQL,
} from "drizzle-orm";
import type { Db } from "@/db/client";
import { devices, groups as groupsTable, shareItems, shares, users, type Share } from "@/db/schema";
import { chunked } from "@/db/transaction";
import type { Caller } from "./share-store";
import { receivedPageIds, receivedPerSharer, recipientPredicate } from "./received";
import { memberCountsIn } from "@/lib/groups/store";
import { parsePermissions, presetOf, type Operation, type PresetName } from "./permissions";
import {
  effectiveStatusSql,
  liveSql,
  statusPredicate,
  timeLeft,
  type EffectiveStatus,
} from "./status";

export { recipientPredicate } from "./received";

/** The share as the UI may see it: never the link's token hash. */
export type ShareView = Omit<Share, "tokenHash" | "tokenNonce">;
/** Every column of `shares` except the token hash, for selects that feed the UI. */
export const shareViewColumns = (() => {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { tokenHash, tokenNonce, ...rest } = getTableColumns(shares);
  return rest;
})();
const viewColumns = shareViewColumns;

export type ShareRow = {
  share: ShareView;
  /** The effective status, identical on both sides (the stored one is share.status). */
  status: EffectiveStatus;
  /** "3 days", "permanent", "expired"; null once the share has ended otherwise. */
  timeLeft: string | null;
  permissions: Operation[];
  preset: PresetName | "Custom";
  /** Devices currently in the share (removed ones excluded). */
  deviceCount: number;
  /** A group share's group (lib/groups); null for a share with one person. */
  groupName?: string | null;
};
export type SharedByMeRow = ShareRow & {
  recipientName: string | null;
  hasLink: boolean;
  /** Members of the group now, for a group share. */
  memberCount?: number;
};
export type SharedByMeSort = "newest" | "oldest" | "expires" | "recipient";

export function rowTimeLeft(
  status: EffectiveStatus,
  expiresAt: number | null,
  now: number,
): string | null {
  if (status === "Expired") return "expired";
  return status === "Cancelled" || status === "Declined" || status === "Left"
    ? null
    : timeLeft(expiresAt, now);
}

// Case-insensitive on both engines (db/engine's ilike: PostgreSQL ILIKE, SQLite LIKE).
const like = (col: PgColumn, pattern: string) => ilike(col, pattern);

/** A device of the share (not removed) whose name matches. */
const deviceNameMatches = (pattern: string) =>
  sql`exists (select 1 from ${shareItems} join ${devices} on ${devices.id} = ${shareItems.deviceId}
    where ${shareItems.shareId} = ${shares.id} and ${shareItems.removedAt} is null and ${ilike(devices.name, pattern)})`;

export async function deviceCounts(db: Db, shareIds: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const part of chunked(shareIds)) {
    const rows = await db
      .select({ shareId: shareItems.shareId, n: count() })
      .from(shareItems)
      .where(and(inArray(shareItems.shareId, part), isNull(shareItems.removedAt)))
      .groupBy(shareItems.shareId);
    for (const r of rows) out.set(r.shareId, r.n);
  }
  return out;
}

/** The one ShareRow: a share, its status, permissions and preset, time left and live device count. */
export function shareRow(
  share: ShareView,
  status: EffectiveStatus,
  now: number,
  deviceCount: number,
): ShareRow {
  const permissions = parsePermissions(share.permissions);
  return {
    share,
    status,
    permissions,
    preset: presetOf(permissions),
    timeLeft: rowTimeLeft(status, share.expiresAt, now),
    deviceCount,
  };
}

const ORDER: Record<SharedByMeSort, SQL[]> = {
  newest: [desc(shares.createdAt), desc(shares.id)],
  oldest: [asc(shares.createdAt), asc(shares.id)],
  expires: [
    sql`${shares.expiresAt} is null`,
    asc(shares.expiresAt),
    desc(shares.createdAt),
    asc(shares.id),
  ],
  recipient: [asc(shares.recipientEmail), desc(shares.createdAt), asc(shares.id)],
};

/**
 * One row per share (recipient). Status filtering runs in SQL against `now`, so "Expired"
 * is exact and the total and pages agree with it.
 */
export async function listSharedByMe(
  db: Db,
  q: {
    sharerId: string;
    now: number;
    status?: EffectiveStatus;
    q?: string;
    sort?: SharedByMeSort;
    page?: number;
    pageSize?: number;
    /** "Expiring soon": live shares whose expiry falls within this many ms from now. */
    expiringWithin?: number;
  },
): Promise<{ rows: SharedByMeRow[]; total: number; page: number; pageSize: number }> {
  const page = Math.max(1, Math.floor(q.page ?? 1));
  const pageSize = Math.min(200, Math.max(1, Math.floor(q.pageSize ?? 25)));
  const text = q.q?.trim() ? likePattern(q.q) : undefined;
  const where = and(
    eq(shares.sharerId, q.sharerId),
    q.status ? statusPredicate(q.status, q.now) : undefined,
    q.expiringWithin
      ? and(liveSql(q.now), sql`${shares.expiresAt} <= ${q.now + q.expiringWithin}`)
      : undefined,
    text
      ? or(
          like(shares.recipientEmail, text),
          like(users.name, text),
          like(shares.description, text),
          deviceNameMatches(text),
        )
      : undefined,
  );
  // Recipients who signed up after being invited are matched by their (unique) email.
  const recipientJoin = eq(users.email, shares.recipientEmail);
  const found = await db
    .select({
      share: viewColumns,
      recipientName: users.name,
      groupName: groupsTable.name,
      status: effectiveStatusSql(q.now),
      // SQLite answers 1/0, PostgreSQL true/false: read as a boolean below.
      hasLink: sql<number | boolean>`${shares.tokenHash} is not null`,
    })
    .from(shares)
    .leftJoin(users, recipientJoin)
    .leftJoin(groupsTable, eq(groupsTable.id, shares.groupId))
    .where(where)
    .orderBy(...ORDER[q.sort ?? "newest"])
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  // users.email is unique, so the LEFT JOIN cannot change the count: join only when the text
  // filter reads users.name (it cost ~3 ms of index seeks per request at 10,000 shares).
  const counted = db.select({ n: count() }).from(shares);
  const total =
    (await (text ? counted.leftJoin(users, recipientJoin) : counted).where(where))[0]?.n ?? 0;
  const counts = await deviceCounts(
    db,
    found.map((r) => r.share.id),
  );
  const members = await memberCountsIn(
    db,
    found.flatMap((r) => (r.share.groupId ? [r.share.groupId] : [])),
  );
  const rows = found.map((r) => ({
    ...shareRow(r.share, r.status, q.now, counts.get(r.share.id) ?? 0),
    recipientName: r.recipientName,
    hasLink: r.status === "Pending" && Boolean(r.hasLink),
    groupName: r.groupName,
    memberCount: r.share.groupId ? (members.get(r.share.groupId) ?? 0) : undefined,
  }));
  return { rows, total, page, pageSize };
}

export type SharerGroup = {
  sharer: { id: string; name: string; email: string };
  shares: ShareRow[];
};

/**
 * Shares received, grouped by sharer (sharers by name, shares newest first). With `pageSize`,
 * one page of shares (a sharer's group may continue on the next page): a recipient of
 * thousands of shares would otherwise get a multi-megabyte page.
 */
export async function listSharedWithMe(
  db: Db,
  q: {
    user: Caller;
    now: number;
    status?: EffectiveStatus;
    q?: string;
    page?: number;
    pageSize?: number;
  },
): Promise<{ groups: SharerGroup[]; total: number; page: number; pageSize: number }> {
  const text = q.q?.trim() ? likePattern(q.q) : undefined;
  const filters = and(
    q.status ? statusPredicate(q.status, q.now) : undefined,
    text
      ? or(
          like(users.name, text),
          like(users.email, text),
          like(shares.description, text),
          deviceNameMatches(text),
        )
      : undefined,
  );
  const page = Math.max(1, Math.floor(q.page ?? 1));
  const pageSize = q.pageSize ? Math.min(200, Math.max(1, Math.floor(q.pageSize))) : undefined;
  const select = (c: Conn = db) =>
    c
      .select({
        share: viewColumns,
        status: effectiveStatusSql(q.now),
        sharer: { id: users.id, name: users.name, email: users.email },
        groupName: groupsTable.name,
      })
      .from(shares)
      .innerJoin(users, eq(users.id, shares.sharerId))
      .leftJoin(groupsTable, eq(groupsTable.id, shares.groupId));
  const order = [asc(users.name), asc(users.id), desc(shares.createdAt), asc(shares.id)];

  let found: Awaited<ReturnType<typeof select>>;
  let total: number;
  if (!pageSize) {
    found = await select()
      .where(and(recipientPredicate(q.user), filters))
      .orderBy(...order);
    total = found.length;
  } else {
    // One snapshot for the counts and the page, so they agree while others write.
    ({ found, total } = await transaction(
      db,
      async (tx) => {
        const received = { user: q.user, where: filters, joinSharer: !!text };
        const window = sharerWindow(
          await receivedPerSharer(tx, received),
          (page - 1) * pageSize,
          pageSize,
        );
        const ids = window.sharerIds.length
          ? await receivedPageIds(tx, received, window.sharerIds, {
              limit: pageSize,
              offset: window.skip,
            })
          : [];
        const byId = new Map(
          (ids.length ? await select(tx).where(inArray(shares.id, ids)) : []).map((r) => [
            r.share.id,
            r,
          ]),
        );
        return { found: ids.flatMap((id) => byId.get(id) ?? []), total: window.total };
      },
      { readOnly: true },
    ));
  }
  const counts = await deviceCounts(
    db,
    found.map((r) => r.share.id),
  );
  const groups: SharerGroup[] = [];
  for (const r of found) {
    let g = groups.at(-1);
    if (!g || g.sharer.id !== r.sharer.id) groups.push((g = { sharer: r.sharer, shares: [] }));
    g.shares.push({
      ...shareRow(r.share, r.status, q.now, counts.get(r.share.id) ?? 0),
      groupName: r.groupName,
    });
  }
  return { groups, total, page, pageSize: pageSize ?? found.length };
}

/**
 * Which sharers a page of `limit` shares from `offset` falls in, in page order, and how many
 * of the first one's shares come before the page. Counting per sharer (a handful of groups)
 * and then reading only the page's sharers spares sorting every share received by name: a
 * recipient of 2,000 shares from 100 sharers had all 2,000 joined and sorted for each page.
 */
function sharerWindow(
  perSharer: readonly { sharerId: string; n: number }[],
  offset: number,
  limit: number,
) {
  let before = 0;
  let skip = 0;
  const sharerIds: string[] = [];
  for (const { sharerId, n } of perSharer) {
    if (before + n > offset && before < offset + limit) {
      if (!sharerIds.length) skip = offset - before;
      sharerIds.push(sharerId);
    }
    before += n;
  }
  return { sharerIds, skip, total: before };
}
