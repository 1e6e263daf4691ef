// The access check: the only path by which a non-owner reaches device data (Rule 8).
// Callers must answer 404 for every denial to people without a relation to the device; the
// deny reason is meant for recipients (their share page explains "why not now").
import type Database from "better-sqlite3";
import type { Db } from "@/db/client";
import { isWithinSchedule, type ScheduleCheck } from "./schedule";
import { directBeatsGroup, withSource } from "@/lib/groups/access-source";
import {
  OPERATIONS,
  evaluateShare,
  pickBest,
  type AccessResult,
  type Operation,
  type ShareRow,
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
 * One statement, two index seeks:
 * - devices by primary key, to recognise the owner;
 * - share_items by share_items_device_recipient_idx (device_id, the caller's email), then shares by primary key,
 *   keeping only the caller's shares. recipient_id is bound on acceptance only, so pending
 *   shares (recipient_id null) never match. CROSS JOIN pins this order: SQLite must not
 *   start from shares_recipient_idx, whose cost grows with the recipient's whole history.
 * Removed items are dropped in SQL (a removed device is simply not shared); ended shares
 * are kept so the recipient can be told "cancelled" / "expired".
 * The third branch is group shares (lib/groups), resolved live: the device's items addressed
 * to a group (a range of the same index, recipient_email "group:…"), each share by primary
 * key, then the caller's membership by group_members_group_email_uq and their leaving by
 * the leaves' primary key. Only a verified address is a member.
 */
export const CHECK_ACCESS_SQL = `
SELECT 1 AS isOwner, NULL AS shareId, NULL AS status, '' AS permissions, NULL AS expiresAt,
  NULL AS startsAt, NULL AS weekdays, NULL AS windowStart, NULL AS windowEnd, NULL AS timeZone,
  1 AS remoteAccess, NULL AS suspendedAt, NULL AS serviceIds, ${serviceOnDeviceSql()},
  NULL AS groupName
FROM devices d WHERE d.id = @deviceId AND d.owner_id = @userId
UNION ALL
SELECT 0, s.id, s.status, s.permissions, s.expires_at, s.starts_at, s.weekdays,
  s.window_start, s.window_end, s.time_zone, s.remote_access, s.suspended_at, si.service_ids,
  ${serviceOnDeviceSql()}, NULL
FROM users u CROSS JOIN share_items si CROSS JOIN shares s ON s.id = si.share_id
WHERE u.id = @userId AND si.device_id = @deviceId AND si.recipient_email = u.email
  AND si.removed_at IS NULL AND s.recipient_id = @userId
UNION ALL
SELECT 0, s.id, s.status, s.permissions, s.expires_at, s.starts_at, s.weekdays,
  s.window_start, s.window_end, s.time_zone, s.remote_access, s.suspended_at, si.service_ids,
  ${serviceOnDeviceSql()}, g.name
FROM users u CROSS JOIN share_items si CROSS JOIN shares s ON s.id = si.share_id
  CROSS JOIN group_members gm ON gm.group_id = s.group_id AND gm.email = u.email
  CROSS JOIN groups g ON g.id = s.group_id
WHERE u.id = @userId AND u.email_verified IS NOT NULL AND si.device_id = @deviceId
  AND si.recipient_email >= 'group:' AND si.recipient_email < 'group;' AND si.removed_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM group_share_leaves l WHERE l.share_id = s.id AND l.email = u.email)`;

function serviceOnDeviceSql(): string {
  // A service id must belong to this very device; otherwise a recipient could pass an id
  // from another device and have it accepted by a "null = all services" item.
  return `CASE WHEN @serviceId IS NULL THEN 1 ELSE EXISTS (
    SELECT 1 FROM services sv WHERE sv.id = @serviceId AND sv.device_id = @deviceId) END AS serviceOnDevice`;
}

type CheckRow = ShareRow & { isOwner: number; serviceOnDevice: number; groupName: string | null };

// Prepared once per connection: preparing costs more than running this query.
const statements = new WeakMap<Database.Database, Database.Statement>();

function accessStatement(db: Db): Database.Statement {
  let stmt = statements.get(db.$client);
  if (!stmt) {
    stmt = db.$client.prepare(CHECK_ACCESS_SQL);
    statements.set(db.$client, stmt);
  }
  return stmt;
}

function loadRows(db: Db, userId: string, deviceId: string, serviceId: string | null): CheckRow[] {
  return accessStatement(db).all({ userId, deviceId, serviceId }) as CheckRow[];
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
  const serviceOnDevice = rows.length === 0 || rows[0].serviceOnDevice === 1;
  // The owner may do everything with their device, but still only with its own services.
  if (rows.some((r) => r.isOwner === 1)) {
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
export function checkAccess(db: Db, input: CheckAccessInput): AccessResult {
  const serviceId = input.serviceId ?? null;
  const rows = loadRows(db, input.userId, input.deviceId, serviceId);
  return decide(rows, input.operation, serviceId, input.now, new Map());
}

/** Every operation's result for the recipient's device page, from a single query. */
export function accessForDevice(
  db: Db,
  input: { userId: string; deviceId: string; now: number },
): Record<Operation, AccessResult> {
  const rows = loadRows(db, input.userId, input.deviceId, null);
  const memo = new Map<string, ScheduleCheck>();
  const entries = OPERATIONS.map((op) => [op, decide(rows, op, null, input.now, memo)] as const);
  return Object.fromEntries(entries) as Record<Operation, AccessResult>;
}
