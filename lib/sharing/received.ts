// The shares a user received, as the three disjoint ways a share reaches a recipient, and the
// Shared with Me page's two window queries built on them.
import { and, eq, inArray, isNotNull, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import type { Conn } from "@/db/engine";
import { shares, users } from "@/db/schema";
import { groupShareReachesJoin, groupShareReachesSql } from "@/lib/groups/membership";
import type { Caller } from "./share-store";

/** Where a way of receiving reads from, and what it keeps. */
type Way = { from: SQL; where: SQL };

/**
 * How shares reach `user`, one way each, no share arriving two ways: bound to them; still
 * addressed to their email once that email is verified (the same rule as `isRecipient`);
 * through a group they are a member of (lib/groups/membership.ts). Each way is answered by
 * its own index, which one OR of the three cannot be: SQLite then reads every matching row
 * from the table (bench, issue 14: Shared with Me's per-sharer count).
 */
function receivedWays(user: Caller): Way[] {
  const bound = eq(shares.recipientId, user.id);
  const ways: Way[] = [{ from: sql`${shares}`, where: bound }];
  if (user.emailVerified == null) return ways;
  const email = user.email.trim().toLowerCase();
  const addressed = and(isNull(shares.recipientId), eq(shares.recipientEmail, email))!;
  ways.push({ from: sql`${shares}`, where: addressed });
  const group = groupShareReachesJoin(user);
  if (!group) return ways;
  // Neither of the two above, so that a union of the ways counts a share once.
  const neither = and(
    or(isNull(shares.recipientId), ne(shares.recipientId, user.id)),
    or(isNotNull(shares.recipientId), ne(shares.recipientEmail, email)),
  );
  ways.push({ from: group.from, where: and(group.where, neither)! });
  return ways;
}

/** Every share `user` received, as one predicate over `shares` alone. */
export function recipientPredicate(user: Caller): SQL {
  const bound = eq(shares.recipientId, user.id);
  if (user.emailVerified == null) return bound;
  const email = user.email.trim().toLowerCase();
  const addressed = and(isNull(shares.recipientId), eq(shares.recipientEmail, email));
  return or(bound, addressed, groupShareReachesSql(user))!;
}

type Received = {
  user: Caller;
  /** Status and text filters over `shares` (and `users`, the sharer, when `joinSharer`). */
  where: SQL | undefined;
  joinSharer: boolean;
};

/** `select <columns> from shares … where <way> and <filters>`, once per way, UNION ALL. */
function unionOfWays(r: Received, columns: SQL, tail: (where: SQL) => SQL): SQL {
  const parts = receivedWays(r.user).map((way) => {
    const from = r.joinSharer
      ? sql`${way.from} inner join ${users} on ${users.id} = ${shares.sharerId}`
      : way.from;
    return sql`select ${columns} from ${from} where ${tail(and(way.where, r.where)!)}`;
  });
  return sql.join(parts, sql` union all `);
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
  const perWay = unionOfWays(
    r,
    sql`${shares.sharerId} as "sharerId", count(*) as "n"`,
    (where) => sql`${where} group by ${shares.sharerId}`,
  );
  const { rows } = await conn.execute(sql`select g."sharerId" as "sharerId", sum(g."n") as "n"
    from (${perWay}) g inner join ${users} on ${users.id} = g."sharerId"
    group by g."sharerId", ${users.name}, ${users.id}
    order by ${users.name} asc, ${users.id} asc`);
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
  const ways = unionOfWays(
    r,
    sql`${shares.id} as "id", ${shares.sharerId} as "sharerId", ${shares.createdAt} as "createdAt"`,
    (where) => and(where, inArray(shares.sharerId, sharerIds))!,
  );
  const { rows } = await conn.execute(sql`select p."id" as "id"
    from (${ways}) p inner join ${users} on ${users.id} = p."sharerId"
    order by ${users.name} asc, ${users.id} asc, p."createdAt" desc, p."id" asc
    limit ${page.limit} offset ${page.offset}`);
  return (rows as { id: string }[]).map((x) => x.id);
}
