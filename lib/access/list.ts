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
// are filtered in SQL; the schedule needs the time zone and is checked in JS. Quoted aliases:
// PostgreSQL folds unquoted ones to lower case.
const listSql = (userId: string, now: number) => sql`
SELECT s.id AS "shareId", s.sharer_id AS "sharerId", s.status, s.permissions, s.expires_at AS "expiresAt",
  s.starts_at AS "startsAt", s.weekdays, s.window_start AS "windowStart", s.window_end AS "windowEnd",
  s.time_zone AS "timeZone", s.remote_access AS "remoteAccess", s.suspended_at AS "suspendedAt",
  si.service_ids AS "serviceIds", d.id AS "deviceId", d.name, d.hardware_id AS "hardwareId", d.kind,
  d.group_path AS "groupPath", d.owner_id AS "ownerId"
FROM shares s
JOIN share_items si ON si.share_id = s.id AND si.removed_at IS NULL
JOIN devices d ON d.id = si.device_id
WHERE s.recipient_id = ${userId} AND s.status = 'active' AND s.suspended_at IS NULL
  AND (s.expires_at IS NULL OR s.expires_at > ${now})`;

type ServiceRow = { id: string; deviceId: string; name: string; kind: string; port: number };
type ListRow = ShareRow &
  Omit<AccessibleDevice, "permissions" | "serviceIds" | "services" | "expiresAt" | "remoteAccess">;

/** Devices `userId` may see at `now` (active, unexpired, not suspended, inside the schedule). */
export async function listAccessibleDevices(
  db: Conn,
  input: { userId: string; now: number },
): Promise<AccessibleDevice[]> {
  const rows = (await db.execute(listSql(input.userId, input.now))).rows as unknown as ListRow[];
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
