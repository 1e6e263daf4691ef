// The recipient's view: devices shared with them that are in effect right now.
import type Database from "better-sqlite3";
import type { Db } from "@/db/client";
import {
  parsePermissions,
  parseServiceIds,
  shareState,
  type Operation,
  type ShareRow,
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
}

// Driven by shares_recipient_idx (recipient_id), then share_items_share_idx
// (share_id, removed_at IS NULL) and the devices primary key. Status, suspension and expiry
// are filtered in SQL; the schedule needs the time zone and is checked in JS.
const LIST_SQL = `
SELECT s.id AS shareId, s.sharer_id AS sharerId, s.status, s.permissions, s.expires_at AS expiresAt,
  s.starts_at AS startsAt, s.weekdays, s.window_start AS windowStart, s.window_end AS windowEnd,
  s.time_zone AS timeZone, s.remote_access AS remoteAccess, s.suspended_at AS suspendedAt,
  si.service_ids AS serviceIds, d.id AS deviceId, d.name, d.hardware_id AS hardwareId, d.kind,
  d.group_path AS groupPath, d.owner_id AS ownerId
FROM shares s
JOIN share_items si ON si.share_id = s.id AND si.removed_at IS NULL
JOIN devices d ON d.id = si.device_id
WHERE s.recipient_id = @userId AND s.status = 'active' AND s.suspended_at IS NULL
  AND (s.expires_at IS NULL OR s.expires_at > @now)`;

// Services of the listed devices in one go (services_device_idx through json_each).
const SERVICES_SQL = `
SELECT id, device_id AS deviceId, name, kind, port FROM services
WHERE device_id IN (SELECT value FROM json_each(@deviceIds)) ORDER BY name, id`;

type ListRow = ShareRow &
  Omit<AccessibleDevice, "permissions" | "serviceIds" | "services" | "expiresAt" | "remoteAccess">;
type ServiceRow = { id: string; deviceId: string; name: string; kind: string; port: number };

const statements = new WeakMap<
  Database.Database,
  { list: Database.Statement; services: Database.Statement }
>();

function prepared(db: Db) {
  let s = statements.get(db.$client);
  if (!s) {
    s = { list: db.$client.prepare(LIST_SQL), services: db.$client.prepare(SERVICES_SQL) };
    statements.set(db.$client, s);
  }
  return s;
}

/** Devices `userId` may see at `now` (active, unexpired, not suspended, inside the schedule). */
export function listAccessibleDevices(
  db: Db,
  input: { userId: string; now: number },
): AccessibleDevice[] {
  const { list, services } = prepared(db);
  const rows = list.all({ userId: input.userId, now: input.now }) as ListRow[];
  const byDevice = new Map<string, AccessibleDevice>();
  for (const row of rows) {
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
    };
    // One live item per device and sharer is the norm; should a device still come through
    // two shares, show the one granting more, as checkAccess would pick it.
    const seen = byDevice.get(row.deviceId);
    if (!seen || entry.permissions.length > seen.permissions.length)
      byDevice.set(row.deviceId, entry);
  }
  if (byDevice.size === 0) return [];
  const serviceRows = services.all({
    deviceIds: JSON.stringify([...byDevice.keys()]),
  }) as ServiceRow[];
  for (const sv of serviceRows) {
    const entry = byDevice.get(sv.deviceId)!;
    if (entry.serviceIds && !entry.serviceIds.includes(sv.id)) continue;
    entry.services.push({ id: sv.id, name: sv.name, kind: sv.kind, port: sv.port });
  }
  return [...byDevice.values()].sort(
    (a, b) => a.name.localeCompare(b.name) || a.deviceId.localeCompare(b.deviceId),
  );
}
