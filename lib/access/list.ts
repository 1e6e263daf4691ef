// The recipient's view: devices shared with them that are in effect right now.
import { asc, inArray, sql } from "drizzle-orm";
import type { Conn } from "@/db/client";
import { services } from "@/db/schema";
import { chunked } from "@/db/transaction";
import {
  parsePermissions,
  parseServiceIds,
  shareState,
  type Operation,
  type ShareCheckRow,
} from "./evaluate";

export interface AccessibleDevice {
  deviceId: string;
  name: string;
  hardwareId: string;
  kind: string;
  groupPath: string;
  ownerId: string;
  shareId: string;
  sharerId: string;
  permissions: Operation[];
  /** Shared services; null = all services of the device. */
  serviceIds: string[] | null;
  /** The shared services that exist now, sorted by name. */
  services: { id: string; name: string; kind: string; port: number }[];
  expiresAt: number | null;
  remoteAccess: boolean;
  /** The group this device reaches the user through (lib/groups); absent when shared directly. */
  via?: string;
}

// Driven by shares_recipient_idx (recipient_id), then share_items_share_idx
// (share_id, removed_at IS NULL) and the devices primary key. Status and expiry are
// filtered in SQL; suspension and the schedule in JS (shareState), so that a suspended
// direct share still takes precedence over a group share of the same device.
// The second branch is the user's group shares, resolved live through group_members.
// Quoted aliases: PostgreSQL folds unquoted ones to lower case.
const COLUMNS = sql.raw(`s.id AS "shareId", s.sharer_id AS "sharerId", s.status, s.permissions,
  s.expires_at AS "expiresAt", s.starts_at AS "startsAt", s.weekdays, s.window_start AS "windowStart",
  s.window_end AS "windowEnd", s.time_zone AS "timeZone", s.remote_access AS "remoteAccess",
  s.suspended_at AS "suspendedAt", si.service_ids AS "serviceIds", d.id AS "deviceId", d.name,
  d.hardware_id AS "hardwareId", d.kind, d.group_path AS "groupPath", d.owner_id AS "ownerId"`);
const listSql = (userId: string, now: number) => sql`
SELECT ${COLUMNS}, NULL AS "groupName"
FROM shares s
JOIN share_items si ON si.share_id = s.id AND si.removed_at IS NULL
JOIN devices d ON d.id = si.device_id
WHERE s.recipient_id = ${userId} AND s.status = 'active'
  AND (s.expires_at IS NULL OR s.expires_at > ${now})
UNION ALL
SELECT ${COLUMNS}, g.name
FROM users u
JOIN group_members gm ON gm.email = u.email
JOIN shares s ON s.group_id = gm.group_id
JOIN "groups" g ON g.id = s.group_id
JOIN share_items si ON si.share_id = s.id AND si.removed_at IS NULL
JOIN devices d ON d.id = si.device_id
WHERE u.id = ${userId} AND u.email_verified IS NOT NULL AND s.status = 'active'
  AND (s.expires_at IS NULL OR s.expires_at > ${now})
  AND NOT EXISTS (SELECT 1 FROM group_share_leaves l WHERE l.share_id = s.id AND l.email = u.email)`;

type ServiceRow = { id: string; deviceId: string; name: string; kind: string; port: number };
type ListRow = ShareCheckRow & { groupName: string | null } & Omit<
    AccessibleDevice,
    "permissions" | "serviceIds" | "services" | "expiresAt" | "remoteAccess" | "via"
  >;

/** Devices `userId` may see at `now` (active, unexpired, not suspended, inside the schedule). */
export async function listAccessibleDevices(
  db: Conn,
  input: { userId: string; now: number },
): Promise<AccessibleDevice[]> {
  const rows = (await db.execute(listSql(input.userId, input.now))).rows as unknown as ListRow[];
  const byDevice = new Map<string, AccessibleDevice>();
  // Direct beats group (lib/groups/access-source.ts): every row here is an active,
  // unexpired share, so any direct row for a device governs it.
  const direct = new Set(rows.filter((r) => r.groupName == null).map((r) => r.deviceId));
  for (const row of rows) {
    if (row.groupName != null && direct.has(row.deviceId)) continue;
    // Same rule as checkAccess, so the list never shows what the device page would refuse.
    if (shareState(row, input.now)) continue;
    const entry: AccessibleDevice = {
      deviceId: row.deviceId,
      name: row.name,
      hardwareId: row.hardwareId,
      kind: row.kind,
      groupPath: row.groupPath,
      ownerId: row.ownerId,
      shareId: row.shareId,
      sharerId: row.sharerId,
      permissions: parsePermissions(row.permissions),
      serviceIds: parseServiceIds(row.serviceIds),
      services: [],
      expiresAt: row.expiresAt,
      remoteAccess: Boolean(row.remoteAccess),
      ...(row.groupName != null ? { via: row.groupName } : {}),
    };
    // One live item per device and sharer is the norm; should a device still come through
    // two shares, show the one granting more, as checkAccess would pick it.
    const seen = byDevice.get(row.deviceId);
    if (!seen || entry.permissions.length > seen.permissions.length)
      byDevice.set(row.deviceId, entry);
  }
  if (byDevice.size === 0) return [];
  // Services of the listed devices in one go (services_device_idx).
  const serviceRows: ServiceRow[] = [];
  for (const ids of chunked([...byDevice.keys()]))
    serviceRows.push(
      ...(await db
        .select({
          id: services.id,
          deviceId: services.deviceId,
          name: services.name,
          kind: services.kind,
          port: services.port,
        })
        .from(services)
        .where(inArray(services.deviceId, ids))
        .orderBy(asc(services.name), asc(services.id))),
    );
  for (const sv of serviceRows) {
    const entry = byDevice.get(sv.deviceId)!;
    if (entry.serviceIds && !entry.serviceIds.includes(sv.id)) continue;
    entry.services.push({ id: sv.id, name: sv.name, kind: sv.kind, port: sv.port });
  }
  return [...byDevice.values()].sort(
    (a, b) => a.name.localeCompare(b.name) || a.deviceId.localeCompare(b.deviceId),
  );
}
