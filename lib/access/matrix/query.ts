// "Who has access": the owner's devices (rows) × recipients (columns), each cell the share
// item that gives that recipient that device. Capped so a fleet of thousands stays a page:
// devices are paginated, recipients limited to MATRIX_MAX_RECIPIENTS columns (with a note).
import { ilike, likePattern } from "@/db/engine";
import "server-only";
import { and, asc, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { PgSelectBase, PgSelectBuilder, SelectedFields } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { devices, groupMembers, groups, shareItems, shares, users } from "@/db/schema";
import { deviceFilterWhere } from "@/lib/devices/queries";
import {
  parsePermissions,
  presetOf,
  type Operation,
  type PresetName,
} from "@/lib/sharing/permissions";
import {
  effectiveStatusSql,
  liveSql,
  statusPredicate,
  type EffectiveStatus,
} from "@/lib/sharing/status";
import type { MatrixFilters } from "./filters";

export const MATRIX_PAGE_SIZE = 50;
export const MATRIX_MAX_RECIPIENTS = 50;

export type MatrixCell = {
  shareId: string;
  /** The group this person has the device through (lib/groups); null for a direct share. */
  via: string | null;
  status: EffectiveStatus;
  preset: PresetName | "Custom";
  permissions: Operation[];
  expiresAt: number | null;
  allServices: boolean;
};
export type MatrixDevice = { id: string; name: string; groupPath: string; hardwareId: string };
export type MatrixRecipient = {
  email: string;
  name: string | null;
  shareIds: string[];
  /** Set when every share of this person here is a group share: its group's name. */
  via: string | null;
};
export type AccessMatrix = {
  devices: MatrixDevice[];
  recipients: MatrixRecipient[];
  /** Keyed by cellKey(deviceId, email). */
  cells: Record<string, MatrixCell>;
  deviceTotal: number;
  page: number;
  pageCount: number;
  recipientTotal: number;
};

export const cellKey = (deviceId: string, email: string) => `${deviceId}\n${email}`;

/**
 * The person a row is about: the share's recipient, or for a group share each member now
 * (group_members joined on the share's group, minus those who left it). Group shares
 * reach people live, so Who has access lists the members of today, each `via` the group.
 */
const recipientEmail = sql<string>`coalesce(${groupMembers.email}, ${shares.recipientEmail})`;
const joinMembers = and(
  eq(groupMembers.groupId, shares.groupId),
  sql`not exists (select 1 from "group_share_leaves" l where l.share_id = ${shares.id}
    and l.email = ${groupMembers.email})`,
);
const joinGroups = eq(groups.id, shares.groupId);
/** A group share reaches nobody once it has no members (left out, like a removed item). */
const reachesSomeone = sql`(${shares.groupId} is null or ${groupMembers.email} is not null)`;

/** The filters over share_items ⋈ shares ⋈ devices (⟕ members, groups, users for names). */
export function matrixWhere(q: MatrixFilters & { ownerId: string; now: number }): SQL {
  const text = q.recipient?.trim() ? likePattern(q.recipient) : undefined;
  const status =
    q.status === "all"
      ? undefined
      : q.status === "current" || !q.status
        ? liveSql(q.now)
        : statusPredicate(q.status, q.now);
  return and(
    eq(shares.sharerId, q.ownerId),
    isNull(shareItems.removedAt),
    reachesSomeone,
    status,
    deviceFilterWhere({ ownerId: q.ownerId, q: q.device, group: q.group }),
    text
      ? or(
          ilike(groupMembers.email, text),
          and(isNull(groupMembers.email), ilike(shares.recipientEmail, text)),
          ilike(users.name, text),
        )
      : undefined,
  )!;
}

const joinShares = eq(shares.id, shareItems.shareId);
const joinDevices = eq(devices.id, shareItems.deviceId);
const joinUsers = eq(users.email, recipientEmail);

/**
 * What every query here reads: share_items ⋈ shares ⋈ devices ⟕ group members ⟕ groups ⟕
 * users (names, the recipient filter), under a select or selectDistinct of any fields.
 */
function matrixItems<S extends SelectedFields>(select: PgSelectBuilder<S>) {
  // Drizzle cannot resolve from() for a generic selection; the partial select it builds for
  // a concrete one is this type, and the joins below then type as if written in place.
  const from = select.from(shareItems) as unknown as PgSelectBase<"share_items", S, "partial">;
  return from
    .innerJoin(shares, joinShares)
    .innerJoin(devices, joinDevices)
    .leftJoin(groupMembers, joinMembers)
    .leftJoin(groups, joinGroups)
    .leftJoin(users, joinUsers);
}

// When one pair has several shares (only with status "all"), the most current one wins.
const RANK: Record<EffectiveStatus, number> = {
  Active: 0,
  Suspended: 1,
  Pending: 2,
  Expired: 3,
  Cancelled: 4,
  Left: 5,
  Declined: 6,
};

export async function accessMatrix(
  db: Db,
  q: MatrixFilters & { ownerId: string; now: number; page?: number },
): Promise<AccessMatrix> {
  const where = matrixWhere(q);
  const recipientTotal =
    (
      await matrixItems(db.select({ n: sql<number>`count(distinct ${recipientEmail})` })).where(
        where,
      )
    )[0]?.n ?? 0;
  const deviceTotal =
    (
      await matrixItems(db.select({ n: sql<number>`count(distinct ${devices.id})` })).where(where)
    )[0]?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(deviceTotal / MATRIX_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(q.page ?? 1)), pageCount);

  const recipientRows = await matrixItems(
    db.select({
      email: recipientEmail,
      name: sql<string | null>`max(${users.name})`,
      // Direct beats group: a person with any direct share here is not "via" a group.
      via: sql<
        string | null
      >`case when count(${shares.groupId}) = count(*) then min(${groups.name}) end`,
    }),
  )
    .where(where)
    .groupBy(recipientEmail)
    .orderBy(asc(recipientEmail))
    .limit(MATRIX_MAX_RECIPIENTS);
  const deviceRows = await matrixItems(
    db.selectDistinct({
      id: devices.id,
      name: devices.name,
      groupPath: devices.groupPath,
      hardwareId: devices.hardwareId,
    }),
  )
    .where(where)
    .orderBy(asc(devices.groupPath), asc(devices.name), asc(devices.id))
    .limit(MATRIX_PAGE_SIZE)
    .offset((page - 1) * MATRIX_PAGE_SIZE);

  const cells: Record<string, MatrixCell> = {};
  const shareIds = new Map<string, Set<string>>(recipientRows.map((r) => [r.email, new Set()]));
  if (deviceRows.length && recipientRows.length) {
    const rows = await matrixItems(
      db.select({
        deviceId: shareItems.deviceId,
        email: recipientEmail,
        via: groups.name,
        shareId: shares.id,
        status: effectiveStatusSql(q.now),
        permissions: shares.permissions,
        expiresAt: shares.expiresAt,
        serviceIds: shareItems.serviceIds,
      }),
    )
      .where(
        and(
          where,
          inArray(
            shareItems.deviceId,
            deviceRows.map((d) => d.id),
          ),
          inArray(
            recipientEmail,
            recipientRows.map((r) => r.email),
          ),
        ),
      )
      .orderBy(sql`${shares.createdAt} desc`);
    for (const r of rows) {
      shareIds.get(r.email)?.add(r.shareId);
      const key = cellKey(r.deviceId, r.email);
      const seen = cells[key];
      // Equally current: the direct share decides (direct beats group).
      if (seen && RANK[seen.status] < RANK[r.status]) continue;
      if (seen && RANK[seen.status] === RANK[r.status] && (seen.via == null || r.via != null))
        continue;
      const ops = parsePermissions(r.permissions);
      cells[key] = {
        shareId: r.shareId,
        via: r.via,
        status: r.status,
        preset: presetOf(ops),
        permissions: ops,
        expiresAt: r.expiresAt,
        allServices: r.serviceIds == null,
      };
    }
  }
  return {
    devices: deviceRows,
    recipients: recipientRows.map((r) => ({ ...r, shareIds: [...(shareIds.get(r.email) ?? [])] })),
    cells,
    deviceTotal,
    page,
    pageCount,
    recipientTotal,
  };
}

export type AccessExportRow = MatrixDevice &
  MatrixCell & { email: string; recipientName: string | null };

/** Every matching item (not capped by columns or pages) for the CSV export. */
export async function accessRows(
  db: Db,
  q: MatrixFilters & { ownerId: string; now: number },
  max = 100_000,
): Promise<AccessExportRow[]> {
  return (
    await matrixItems(
      db.select({
        id: devices.id,
        name: devices.name,
        groupPath: devices.groupPath,
        hardwareId: devices.hardwareId,
        email: recipientEmail,
        recipientName: users.name,
        via: groups.name,
        shareId: shares.id,
        status: effectiveStatusSql(q.now),
        permissions: shares.permissions,
        expiresAt: shares.expiresAt,
        serviceIds: shareItems.serviceIds,
      }),
    )
      .where(matrixWhere(q))
      .orderBy(
        asc(devices.groupPath),
        asc(devices.name),
        asc(devices.id),
        asc(recipientEmail),
        sql`${shares.createdAt} desc`,
      )
      .limit(max)
  ).map(({ permissions, serviceIds, ...r }) => {
    const ops = parsePermissions(permissions);
    return { ...r, permissions: ops, preset: presetOf(ops), allServices: serviceIds == null };
  });
}
