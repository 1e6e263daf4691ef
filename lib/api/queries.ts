// The API's own list queries: keyset pages over the same predicates the portal uses
// (recipientPredicate, statusPredicate, deviceFilterWhere), so a token sees exactly what
// its user sees in Shared by Me / Shared with Me / My devices.
import { and, asc, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { type Conn, ilike, likePattern } from "@/db/engine";
import { devices, shareItems, shares, users, type Device } from "@/db/schema";
import { deviceFilterWhere } from "@/lib/devices/queries";
import type { Caller } from "@/lib/sharing/share-store";
import { parsePermissions, presetOf } from "@/lib/sharing/permissions";
import {
  deviceCounts,
  recipientPredicate,
  rowTimeLeft,
  shareViewColumns,
  type ShareRow,
} from "@/lib/sharing/queries";
import { effectiveStatusSql, statusPredicate, type EffectiveStatus } from "@/lib/sharing/status";
import { decodeCursor, encodeCursor } from "./cursor";

type Sharer = { id: string; name: string; email: string };
export type ApiShareRow = ShareRow & { sharer: Sharer };

const holds = (cond: SQL) =>
  sql`exists (select 1 from ${shareItems} join ${devices} on ${devices.id} = ${shareItems.deviceId}
    where ${shareItems.shareId} = ${shares.id} and ${shareItems.removedAt} is null and ${cond})`;

/** A person of the share (found through `link`) whose name or email matches. */
const personMatches = (link: SQL, pattern: string, byEmail: boolean) =>
  sql`exists (select 1 from ${users} where ${link}
    and ${byEmail ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : ilike(users.name, pattern)})`;

/** The same text search as Shared by Me (outgoing) and Shared with Me (incoming). */
const textMatch = (pattern: string, direction: "outgoing" | "incoming") =>
  or(
    holds(ilike(devices.name, pattern)),
    ilike(shares.description, pattern),
    ...(direction === "outgoing"
      ? [
          ilike(shares.recipientEmail, pattern),
          // A recipient who has an account is found by name too (matched by their email).
          personMatches(sql`${users.email} = ${shares.recipientEmail}`, pattern, false),
        ]
      : [personMatches(sql`${users.id} = ${shares.sharerId}`, pattern, true)]),
  );

/**
 * Newest first, keyset on (created_at, id): ids are stable, so pages are too. The page is
 * read from shares alone (a join to users for every row cost more than the rest of the
 * query); incoming pages then read their few sharers by primary key.
 */
export async function listApiShares(
  db: Conn,
  q: {
    user: Caller & { name: string };
    direction: "outgoing" | "incoming";
    status?: EffectiveStatus;
    q?: string;
    deviceId?: string;
    cursor?: string;
    limit: number;
    now: number;
  },
): Promise<{ rows: ApiShareRow[]; nextCursor: string | null }> {
  const after = decodeCursor(q.cursor, "number");
  const text = q.q?.trim() ? likePattern(q.q) : undefined;
  const where = and(
    q.direction === "outgoing" ? eq(shares.sharerId, q.user.id) : recipientPredicate(q.user),
    q.status ? statusPredicate(q.status, q.now) : undefined,
    text ? textMatch(text, q.direction) : undefined,
    q.deviceId ? holds(eq(devices.id, q.deviceId)) : undefined,
    after
      ? sql`(${shares.createdAt} <= ${after[0]} and (${shares.createdAt} < ${after[0]} or ${shares.id} < ${after[1]}))`
      : undefined,
  );
  const found = await db
    .select({ share: shareViewColumns, status: effectiveStatusSql(q.now) })
    .from(shares)
    .where(where)
    .orderBy(desc(shares.createdAt), desc(shares.id))
    .limit(q.limit + 1);
  const page = found.slice(0, q.limit);
  const ids = page.map((r) => r.share.id);
  const counts = await deviceCounts(db, ids);
  const sharerIds = [...new Set(page.map((r) => r.share.sharerId))];
  const sharers = new Map<string, Sharer>(
    q.direction === "outgoing"
      ? [[q.user.id, { id: q.user.id, name: q.user.name, email: q.user.email }]]
      : (
          await db
            .select({ id: users.id, name: users.name, email: users.email })
            .from(users)
            .where(inArray(users.id, sharerIds))
        ).map((u) => [u.id, u]),
  );
  const rows = page.map((r): ApiShareRow => {
    const permissions = parsePermissions(r.share.permissions);
    return {
      share: r.share,
      status: r.status,
      permissions,
      preset: presetOf(permissions),
      timeLeft: rowTimeLeft(r.status, r.share.expiresAt, q.now),
      deviceCount: counts.get(r.share.id) ?? 0,
      sharer: sharers.get(r.share.sharerId)!,
    };
  });
  const last = page.at(-1);
  return {
    rows,
    nextCursor:
      found.length > q.limit && last ? encodeCursor([last.share.createdAt, last.share.id]) : null,
  };
}

/** The owner's devices by name, keyset on (name, id). */
export async function listApiDevices(
  db: Conn,
  q: { ownerId: string; q?: string; group?: string; cursor?: string; limit: number },
): Promise<{ rows: Device[]; nextCursor: string | null }> {
  const after = decodeCursor(q.cursor, "string");
  const where: SQL = and(
    deviceFilterWhere({ ownerId: q.ownerId, q: q.q, group: q.group }),
    after
      ? sql`(${devices.name} >= ${after[0]} and (${devices.name} > ${after[0]} or ${devices.id} > ${after[1]}))`
      : undefined,
  )!;
  const found = await db
    .select()
    .from(devices)
    .where(where)
    .orderBy(asc(devices.name), asc(devices.id))
    .limit(q.limit + 1);
  const rows = found.slice(0, q.limit);
  const last = rows.at(-1);
  return {
    rows,
    nextCursor: found.length > q.limit && last ? encodeCursor([last.name, last.id]) : null,
  };
}
