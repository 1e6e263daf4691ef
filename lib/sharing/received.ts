// The shares a user received, as the three disjoint ways a share reaches a recipient, and the
// Shared with Me page's two window queries built on them.
import { and, eq, isNotNull, isNull, ne, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { reusableQuery, type Conn } from "@/db/engine";
import { shares, users } from "@/db/schema";
import { groupShareReachesJoin, groupShareReachesSql } from "@/lib/groups/membership";
import type { Caller } from "./share-store";
import { normalizeEmail } from "@/lib/platform/email-address";

/** Where a way of receiving reads from, and what it keeps. */
type Way = { from: SQL; where: SQL };
/** A value, or its placeholder in a statement compiled once (reusableQuery). */
type Value = SQLWrapper | string;
/** LIMIT and OFFSET, likewise. */
type Count = SQLWrapper | number;
/** The user's id and, once verified, their email (normalized). */
type Recipient = { userId: Value; email: Value | null };

/**
 * How shares reach a recipient, one way each, no share arriving two ways: bound to them;
 * still addressed to their email once that email is verified (the same rule as
 * `isRecipient`); through a group they are a member of (lib/groups/membership.ts). Each way
 * is answered by its own index, which one OR of the three cannot be: SQLite then reads every
 * matching row from the table (bench, issue 14: Shared with Me's per-sharer count).
 */
function receivedWays({ userId, email }: Recipient): Way[] {
  const ways: Way[] = [{ from: sql`${shares}`, where: boundTo(userId) }];
  if (email == null) return ways;
  ways.push({ from: sql`${shares}`, where: addressedTo(email) });
  const group = groupShareReachesJoin(email);
  // Neither of the two above, so that a union of the ways counts a share once.
  const neither = and(
    or(isNull(shares.recipientId), ne(shares.recipientId, userId)),
    or(isNotNull(shares.recipientId), ne(shares.recipientEmail, email)),
  );
  ways.push({ from: group.from, where: and(group.where, neither)! });
  return ways;
}

/** Every share `user` received, as one predicate over `shares` alone. */
export function recipientPredicate(user: Caller): SQL {
  if (user.emailVerified == null) return boundTo(user.id);
  return or(boundTo(user.id), addressedTo(normalizeEmail(user.email)), groupShareReachesSql(user))!;
}

/** Bound to the user. */
const boundTo = (userId: Value) => eq(shares.recipientId, userId);
/** Still addressed to the (verified) email, not yet bound to anyone. */
const addressedTo = (email: Value) =>
  and(isNull(shares.recipientId), eq(shares.recipientEmail, email))!;

type Received = {
  user: Caller;
  /** Status and text filters over `shares` (and `users`, the sharer, when `joinSharer`). */
  where: SQL | undefined;
  joinSharer: boolean;
};

/** `select <columns> from shares … where <way> and <filters>`, once per way, UNION ALL. */
function unionOfWays(who: Recipient, r: Received, columns: SQL, tail: (where: SQL) => SQL): SQL {
  const parts = receivedWays(who).map((way) => {
    const from = r.joinSharer
      ? sql`${way.from} inner join ${users} on ${users.id} = ${shares.sharerId}`
      : way.from;
    return sql`select ${columns} from ${from} where ${tail(and(way.where, r.where)!)}`;
  });
  return sql.join(parts, sql` union all `);
}

type Build = (who: Recipient, sharerIds: Value[], page: { limit: Count; offset: Count }) => SQL;
const compiled = new Map<string, ReturnType<typeof reusableQuery>>();

/**
 * Runs one of the statements below. Unfiltered (the page as first opened), its shape depends
 * only on whether the email is verified and how many sharers the page holds, so it is
 * compiled once per shape: building these unions took more CPU than running them (drizzle
 * walks every fragment; bench, issue 14). Filtered, it is built with its values each time.
 */
async function runReceived(
  conn: Conn,
  name: string,
  r: Received,
  build: Build,
  sharerIds: string[] = [],
  page = { limit: 0, offset: 0 },
): Promise<unknown[]> {
  const who = {
    userId: r.user.id,
    email: r.user.emailVerified == null ? null : normalizeEmail(r.user.email),
  };
  if (r.where || r.joinSharer) return (await conn.execute(build(who, sharerIds, page))).rows;
  const key = `${name}|${who.email == null ? "unverified" : "verified"}|${sharerIds.length}`;
  const sharerKeys = sharerIds.map((_, i) => `s${i}`);
  let run = compiled.get(key);
  if (!run) {
    const keys = ["userId", "email", "limit", "offset", ...sharerKeys];
    run = reusableQuery(keys, (v) =>
      build(
        { userId: v.userId as Value, email: who.email == null ? null : (v.email as Value) },
        sharerKeys.map((k) => v[k] as Value),
        { limit: v.limit as Count, offset: v.offset as Count },
      ),
    );
    compiled.set(key, run);
  }
  const values: Record<string, unknown> = { ...who, ...page };
  sharerKeys.forEach((k, i) => (values[k] = sharerIds[i]));
  return run(conn, values);
}

/**
 * The user's sharers in page order (name, then id) with how many of the shares received
 * each one accounts for. Counted per way, from indexes that hold sharer_id
 * (shares_recipient_sharer_idx, shares_addressed_sharer_idx), then summed.
 */
export async function receivedPerSharer(
  conn: Conn,
  r: Received,
): Promise<{ sharerId: string; n: number }[]> {
  const rows = await runReceived(conn, "perSharer", r, (who) => {
    const perWay = unionOfWays(
      who,
      r,
      sql`${shares.sharerId} as "sharerId", count(*) as "n"`,
      (where) => sql`${where} group by ${shares.sharerId}`,
    );
    // The sharer's name by primary key per group: PostgreSQL hash-joined all of users for a
    // join here (5,102 rows read for 100 sharers; bench, issue 14).
    return sql`select g."sharerId" as "sharerId", sum(g."n") as "n"
      from (${perWay}) g group by g."sharerId"
      order by (select ${users.name} from ${users} where ${users.id} = g."sharerId") asc,
        g."sharerId" asc`;
  });
  return (rows as { sharerId: string; n: number | string }[]).map((x) => ({
    sharerId: x.sharerId,
    n: Number(x.n), // PostgreSQL's sum() is numeric, sent as text
  }));
}

/**
 * The ids of one page of shares received from `sharerIds`, in page order: sharer by name
 * and id, then newest first (id breaks ties).
 */
export async function receivedPageIds(
  conn: Conn,
  r: Received,
  sharerIds: string[],
  page: { limit: number; offset: number },
): Promise<string[]> {
  const build: Build = (who, sharers, { limit, offset }) => {
    const ways = unionOfWays(
      who,
      r,
      sql`${shares.id} as "id", ${shares.sharerId} as "sharerId", ${shares.createdAt} as "createdAt"`,
      (where) => sql`${where} and ${shares.sharerId} in (${sql.join(sharers, sql`, `)})`,
    );
    return sql`select p."id" as "id"
      from (${ways}) p inner join ${users} on ${users.id} = p."sharerId"
      order by ${users.name} asc, ${users.id} asc, p."createdAt" desc, p."id" asc
      limit ${limit} offset ${offset}`;
  };
  const rows = await runReceived(conn, "pageIds", r, build, sharerIds, page);
  return (rows as { id: string }[]).map((x) => x.id);
}
