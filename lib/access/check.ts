// The access check: the only path by which a non-owner reaches device data (Rule 8).
// Callers must answer 404 for every denial to people without a relation to the device; the
// deny reason is meant for recipients (their share page explains "why not now").
import { sql, type SQL } from "drizzle-orm";
import type { Conn } from "@/db/client";
import { reusableQuery } from "@/db/engine";
import { isWithinSchedule, type ScheduleCheck } from "./schedule";
import { directBeatsGroup, withSource } from "@/lib/groups/access-source";
import {
  OPERATIONS,
  evaluateShare,
  pickBest,
  type AccessResult,
  type Operation,
  type ShareCheckRow,
} from "./evaluate";

export * from "./evaluate";
export { listAccessibleDevices, type AccessibleDevice } from "./list";
export { describeAccess, type DescribeAccessOptions } from "./describe";
export { describeSource } from "@/lib/groups/access-source";

export interface CheckAccessInput {
  userId: string;
  deviceId: string;
  operation: Operation;
  serviceId?: string | null;
  now: number;
}

/**
 * One statement of index seeks only:
 * - devices by primary key, to recognise the owner;
 * - share_items by share_items_device_recipient_idx (device_id, the caller's email), then shares by primary key,
 *   keeping only the caller's shares. recipient_id is bound on acceptance only, so pending
 *   shares (recipient_id null) never match. CROSS JOIN pins this order: SQLite must not
 *   start from shares_recipient_idx, whose cost grows with the recipient's whole history.
 * Removed items are dropped in SQL (a removed device is simply not shared); ended shares
 * are kept so the recipient can be told "cancelled" / "expired".
 * The third branch is group shares (lib/groups), resolved live: the caller's memberships by
 * group_members_email_idx, then each group's item of the device by an equality seek of the
 * same share_items index (recipient_email "group:<id>"; not a text range over "group:…",
 * whose order depends on PostgreSQL's collation), each share by primary key, and their
 * leaving by the leaves' primary key. Only a verified address is a member.
 */
export function checkAccessSql(p: { userId: unknown; deviceId: unknown; serviceId: unknown }): SQL {
  // Quoted aliases: PostgreSQL folds unquoted ones to lower case. `true`, not 1, where a
  // branch meets a boolean column (remote_access, EXISTS): SQLite reads it as 1.
  // CROSS JOIN with its condition in WHERE: PostgreSQL allows no ON after CROSS JOIN.
  return sql`
SELECT 1 AS "isOwner", NULL AS "shareId", NULL AS "status", '' AS "permissions", NULL AS "expiresAt",
  NULL AS "startsAt", NULL AS "weekdays", NULL AS "windowStart", NULL AS "windowEnd", NULL AS "timeZone",
  true AS "remoteAccess", NULL AS "suspendedAt", NULL AS "serviceIds", ${serviceOnDeviceSql(p)},
  NULL AS "groupName"
FROM devices d WHERE d.id = ${p.deviceId} AND d.owner_id = ${p.userId}
UNION ALL
SELECT 0, s.id, s.status, s.permissions, s.expires_at, s.starts_at, s.weekdays,
  s.window_start, s.window_end, s.time_zone, s.remote_access, s.suspended_at, si.service_ids,
  ${serviceOnDeviceSql(p)}, NULL
FROM users u CROSS JOIN share_items si CROSS JOIN shares s
WHERE u.id = ${p.userId} AND si.device_id = ${p.deviceId} AND si.recipient_email = u.email
  AND s.id = si.share_id AND si.removed_at IS NULL AND s.recipient_id = ${p.userId}
UNION ALL
SELECT 0, s.id, s.status, s.permissions, s.expires_at, s.starts_at, s.weekdays,
  s.window_start, s.window_end, s.time_zone, s.remote_access, s.suspended_at, si.service_ids,
  ${serviceOnDeviceSql(p)}, g.name
FROM users u CROSS JOIN group_members gm CROSS JOIN share_items si CROSS JOIN shares s
  CROSS JOIN "groups" g
WHERE u.id = ${p.userId} AND u.email_verified IS NOT NULL AND gm.email = u.email
  AND si.device_id = ${p.deviceId} AND si.recipient_email = 'group:' || gm.group_id
  AND si.removed_at IS NULL AND s.id = si.share_id AND s.group_id = gm.group_id
  AND g.id = s.group_id
  AND NOT EXISTS (SELECT 1 FROM group_share_leaves l WHERE l.share_id = s.id AND l.email = u.email)`;
}

function serviceOnDeviceSql(p: { deviceId: unknown; serviceId: unknown }): SQL {
  // A service id must belong to this very device; otherwise a recipient could pass an id
  // from another device and have it accepted by a "null = all services" item. The cast
  // gives PostgreSQL the parameter's type (it cannot infer one from IS NULL alone).
  return sql`CASE WHEN CAST(${p.serviceId} AS text) IS NULL THEN true ELSE EXISTS (
    SELECT 1 FROM services sv WHERE sv.id = ${p.serviceId} AND sv.device_id = ${p.deviceId}) END AS "serviceOnDevice"`;
}

// Compiled once (SQLite): building the statement cost more than running it.
const runCheck = reusableQuery(["userId", "deviceId", "serviceId"], checkAccessSql);

type CheckRow = ShareCheckRow & {
  isOwner: number;
  serviceOnDevice: number | boolean;
  groupName: string | null;
};

async function loadRows(
  db: Conn,
  userId: string,
  deviceId: string,
  serviceId: string | null,
): Promise<CheckRow[]> {
  return (await runCheck(db, { userId, deviceId, serviceId })) as CheckRow[];
}

const ownerResult = (): AccessResult => ({
  allowed: true,
  reason: "owner",
  permissions: [...OPERATIONS],
  serviceIds: null,
});

function decide(
  rows: CheckRow[],
  op: Operation,
  serviceId: string | null,
  now: number,
  memo: Map<string, ScheduleCheck>,
) {
  const serviceOnDevice = rows.length === 0 || Boolean(rows[0].serviceOnDevice);
  // The owner may do everything with their device, but still only with its own services.
  if (rows.some((r) => Number(r.isOwner) === 1)) {
    return serviceOnDevice
      ? ownerResult()
      : ({ allowed: false, reason: "service_not_shared" } as const);
  }
  const decisive = directBeatsGroup(rows, now);
  return pickBest(
    decisive.rows.map((row) => {
      const schedule = () => {
        let check = memo.get(row.shareId);
        if (!check) memo.set(row.shareId, (check = isWithinSchedule(row, now)));
        return check;
      };
      const result = evaluateShare(
        row,
        { operation: op, serviceId, serviceOnDevice, now },
        schedule,
      );
      return withSource(result, row, decisive.overridden);
    }),
  );
}

/** May `userId` perform `operation` on `deviceId` (and `serviceId`, if given) at `now`? */
export async function checkAccess(db: Conn, input: CheckAccessInput): Promise<AccessResult> {
  const serviceId = input.serviceId ?? null;
  const rows = await loadRows(db, input.userId, input.deviceId, serviceId);
  return decide(rows, input.operation, serviceId, input.now, new Map());
}

/** Every operation's result for the recipient's device page, from a single query. */
export async function accessForDevice(
  db: Conn,
  input: { userId: string; deviceId: string; now: number },
): Promise<Record<Operation, AccessResult>> {
  const rows = await loadRows(db, input.userId, input.deviceId, null);
  const memo = new Map<string, ScheduleCheck>();
  const entries = OPERATIONS.map((op) => [op, decide(rows, op, null, input.now, memo)] as const);
  return Object.fromEntries(entries) as Record<Operation, AccessResult>;
}
