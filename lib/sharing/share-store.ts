import { and, eq, inArray, sql } from "drizzle-orm";
import { forNoKeyUpdate, forUpdate, insertColumns, isUniqueViolation } from "@/db/engine";
import { chunked, immediateTx, type Conn, type Tx } from "@/db/transaction";
import { devices, services, shareItems, shares, users, type Share } from "@/db/schema";
import { DomainError, NotFoundError } from "@/lib/platform/errors";
import { newId } from "@/lib/platform/ids";
import { liveSql } from "./status";
import { normalizeEmail } from "@/lib/platform/email-address";

/**
 * Who is acting. `emailVerified` (null until the address is proven) is required on purpose:
 * a share addressed to an email is the account's only once that email is verified.
 */
export type Caller = { id: string; email: string; emailVerified: number | null };

/** An IMMEDIATE write transaction (db/transaction.ts) whose live-item conflicts read as a DomainError. */
export async function writeTx<T>(db: Conn, fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await immediateTx(db, fn);
  } catch (e) {
    // The partial unique index is the safety net of the one-live-item rule (two servers
    // sharing the same device with the same recipient at once: one commits, one lands here).
    if (isUniqueViolation(e, "share_items_live_uq")) {
      throw new DomainError(
        "One of these devices was just shared with this recipient. Reload and try again.",
        "deviceIds",
        "conflict",
      );
    }
    throw e;
  }
}

/**
 * Serialises one sharer's writes across app servers (PostgreSQL; on SQLite the writer lock
 * already does): whoever writes live items or changes a share of this sharer holds their
 * user row (FOR NO KEY UPDATE, so inserts that merely reference the user do not wait). A
 * concurrent bulk share then sees the other's committed items in its conflict check, and
 * skipConflicts skips them instead of failing on the unique index. Always taken before a
 * share's own row lock, so two transactions never wait for each other in a circle.
 */
export async function lockSharer(tx: Conn, sharerId: string): Promise<void> {
  await forNoKeyUpdate(tx.select({ id: users.id }).from(users).where(eq(users.id, sharerId)));
}

/**
 * Same answer for "no such share" and "not yours": a 404 gives no hint. Both loaders run in
 * the write transaction that changes the share and lock its row (PostgreSQL FOR UPDATE; on
 * SQLite the writer lock already serialises): a cancel and an extend, or two extends, of
 * one share on two servers then run one after the other, each seeing the other's result.
 */
export async function loadShareForSharer(
  conn: Conn,
  shareId: string,
  sharerId: string,
): Promise<Share> {
  await lockSharer(conn, sharerId);
  const share = (
    await forUpdate(
      conn
        .select()
        .from(shares)
        .where(and(eq(shares.id, shareId), eq(shares.sharerId, sharerId))),
    )
  )[0];
  if (!share) throw new NotFoundError("Share not found");
  return share;
}

/**
 * The person the share was sent to: its bound user once known (bound only by a verified
 * address or by the link itself), before that whoever holds the invited email. This is the
 * check for the sharing link, whose token is proof of the address on its own.
 */
export function isInvitee(
  share: Pick<Share, "recipientId" | "recipientEmail">,
  user: Pick<Caller, "id" | "email">,
): boolean {
  if (share.recipientId != null) return share.recipientId === user.id;
  return share.recipientEmail === normalizeEmail(user.email);
}

/**
 * Who may see and answer a share by its id (Shared with Me): a share bound to the user, or
 * one addressed to their email once that email is verified. Registering an address proves
 * nothing: until it is verified, shares addressed to it are invisible (404) and can be taken
 * only with their link.
 */
export function isRecipient(
  share: Pick<Share, "recipientId" | "recipientEmail">,
  user: Caller,
): boolean {
  if (share.recipientId != null) return share.recipientId === user.id;
  return user.emailVerified != null && isInvitee(share, user);
}

export async function loadShareForRecipient(
  conn: Conn,
  shareId: string,
  user: Caller,
): Promise<Share> {
  const share = (await forUpdate(conn.select().from(shares).where(eq(shares.id, shareId))))[0];
  if (!share || !isRecipient(share, user)) throw new NotFoundError("Share not found");
  return share;
}

export type OwnedDevice = { id: string; name: string };

/**
 * The caller's own devices among `ids`, in one query per 900 ids. Anything else (another
 * owner's device, one shared with the caller, a made-up id) gets the same "not found".
 */
export async function loadOwnedDevices(
  conn: Conn,
  ownerId: string,
  ids: readonly string[],
): Promise<Map<string, OwnedDevice>> {
  const found = new Map<string, OwnedDevice & { demo: boolean }>();
  for (const part of chunked(ids)) {
    const rows = await conn
      .select({ id: devices.id, name: devices.name, demo: devices.demo })
      .from(devices)
      .where(and(eq(devices.ownerId, ownerId), inArray(devices.id, part)));
    for (const r of rows) found.set(r.id, r);
  }
  if (ids.some((id) => !found.has(id)))
    throw new DomainError("Device not found.", "deviceIds", "not_found");
  const demo = ids.map((id) => found.get(id)!).filter((d) => d.demo);
  if (demo.length) {
    const more =
      demo.length > 1
        ? ` (and ${demo.length - 1} more demo device${demo.length > 2 ? "s" : ""})`
        : "";
    throw new DomainError(
      `"${demo[0].name}" is a demo device and cannot be shared${more}.`,
      "deviceIds",
    );
  }
  return new Map(ids.map((id) => [id, { id, name: found.get(id)!.name }]));
}

/**
 * Per device, the stored service_ids: null = all services (present and future), or a JSON
 * list checked to belong to that very device.
 */
export async function resolveServiceIds(
  conn: Conn,
  devs: Map<string, OwnedDevice>,
  chosen: Record<string, string[] | "all"> | undefined,
): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  const subsets = Object.entries(chosen ?? {}).filter(
    (e): e is [string, string[]] => e[1] !== "all",
  );
  for (const [deviceId] of subsets) {
    if (!devs.has(deviceId))
      throw new DomainError("Services were chosen for a device that is not selected.", "services");
  }
  const owner = new Map<string, string>();
  for (const part of chunked(subsets.map(([id]) => id))) {
    const rows = await conn
      .select({ id: services.id, deviceId: services.deviceId })
      .from(services)
      .where(inArray(services.deviceId, part));
    for (const r of rows) owner.set(r.id, r.deviceId);
  }
  for (const [deviceId, ids] of subsets) {
    const list = [...new Set(ids)];
    if (!list.length)
      throw new DomainError("Choose at least one service, or all services.", "services");
    if (list.some((s) => owner.get(s) !== deviceId)) {
      throw new DomainError(
        `A chosen service does not belong to "${devs.get(deviceId)!.name}".`,
        "services",
      );
    }
    out.set(deviceId, JSON.stringify(list));
  }
  return out;
}

/**
 * Items of this sharer's expired shares still carry live = 1 until someone clears it
 * (expiry needs no job). Clearing before a write keeps the partial unique index truthful.
 */
export async function clearExpiredLiveItems(
  tx: Conn,
  sharerId: string,
  now: number,
): Promise<void> {
  await lockSharer(tx, sharerId);
  await tx
    .update(shareItems)
    .set({ live: null })
    .where(
      and(
        sql`${shareItems.live} = 1`,
        inArray(
          shareItems.shareId,
          tx
            .select({ id: shares.id })
            .from(shares)
            .where(
              and(
                eq(shares.sharerId, sharerId),
                sql`${shares.status} in ('pending', 'active')`,
                sql`${shares.expiresAt} <= ${now}`,
              ),
            ),
        ),
      ),
    );
}

export type Conflict = { deviceId: string; recipientEmail: string; shareId: string };

/** Live items (pending/active, unexpired share, not removed) for these device × recipient pairs. */
export async function findLiveConflicts(
  conn: Conn,
  q: {
    sharerId: string;
    deviceIds: readonly string[];
    recipientEmails: readonly string[];
    now: number;
    excludeShareId?: string;
  },
): Promise<Conflict[]> {
  const out: Conflict[] = [];
  if (!q.deviceIds.length || !q.recipientEmails.length) return out;
  for (const emails of chunked(q.recipientEmails, 500)) {
    for (const ids of chunked(q.deviceIds)) {
      const rows = await conn
        .select({
          deviceId: shareItems.deviceId,
          recipientEmail: shareItems.recipientEmail,
          shareId: shareItems.shareId,
        })
        .from(shareItems)
        .innerJoin(shares, eq(shares.id, shareItems.shareId))
        .where(
          and(
            // A literal `live = 1` (not a bound parameter) lets SQLite use the partial unique
            // index (device_id, sharer_id, recipient_email) WHERE live = 1.
            sql`${shareItems.live} = 1`,
            inArray(shareItems.deviceId, ids),
            eq(shareItems.sharerId, q.sharerId),
            inArray(shareItems.recipientEmail, emails),
            liveSql(q.now),
            q.excludeShareId ? sql`${shareItems.shareId} <> ${q.excludeShareId}` : undefined,
          ),
        );
      out.push(...rows);
    }
  }
  return out;
}

/** A refusal naming the device, the recipient and the share that already holds it. */
export class ShareConflictError extends DomainError {
  constructor(readonly conflicts: (Conflict & { deviceName: string })[]) {
    const c = conflicts[0];
    const more =
      conflicts.length > 1
        ? ` (${conflicts.length - 1} more device/recipient pair${conflicts.length > 2 ? "s" : ""} also conflict)`
        : "";
    super(
      `"${c.deviceName}" is already shared with ${c.recipientEmail} in share ${c.shareId}: extend or cancel that share instead${more}.`,
      "deviceIds",
      "conflict",
    );
    this.name = "ShareConflictError";
  }
}

/** A share's recipient and the devices it gets items for. */
export type PlannedItems = {
  shareId: string;
  recipientEmail: string;
  deviceIds: readonly string[];
};

/**
 * Rows per insertColumns() call. Small enough that a chunk's arrays die young (10,000 kept
 * ~0.6 MB of ids alive across scavenges into the old generation); large enough that
 * PostgreSQL's statements stay few (100 for a bulk share, 0.97× of its 10,000-row floor).
 * Measured with bench/bulk-only.ts: SQLite 1.05–1.18× → 1.02–1.05× of its floor.
 */
const ITEM_CHUNK = 1_000;

/**
 * The hot path of a bulk share (1,000 devices × 100 recipients = 100,000 rows), inside the
 * caller's transaction, through insertColumns() (SQLite: one prepared statement run per row;
 * PostgreSQL: INSERT … SELECT FROM unnest). Measured in `npm run bench`.
 * Rows are made and inserted ITEM_CHUNK at a time, as columns, never as one object per row:
 * building all 100,000 objects first took 0.23–0.35 s of a ~2.5 s share (mostly the GC).
 */
export async function insertItems(
  tx: Tx,
  args: {
    sharerId: string;
    now: number;
    serviceIds: ReadonlyMap<string, string | null>;
    shares: readonly PlannedItems[];
  },
): Promise<void> {
  const same = { sharerId: args.sharerId, live: 1, addedAt: args.now };
  let each = itemColumns();
  for (const share of args.shares)
    for (const deviceId of share.deviceIds) {
      each.id.push(newId());
      each.shareId.push(share.shareId);
      each.deviceId.push(deviceId);
      each.recipientEmail.push(share.recipientEmail);
      each.serviceIds.push(args.serviceIds.get(deviceId) ?? null);
      if (each.id.length === ITEM_CHUNK) {
        await insertColumns(tx, shareItems, { each, same });
        each = itemColumns();
      }
    }
  if (each.id.length) await insertColumns(tx, shareItems, { each, same });
}

const itemColumns = () => ({
  id: [] as string[],
  shareId: [] as string[],
  deviceId: [] as string[],
  recipientEmail: [] as string[],
  serviceIds: [] as (string | null)[],
});
