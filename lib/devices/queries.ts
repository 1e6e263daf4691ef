import { and, asc, count, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { ilike, likePattern } from "@/db/engine";
import { devices, services, type Device, type Service } from "@/db/schema";

/** The device rows components show (components reach data only through lib/). */
export type { Device, Service };

export type DeviceFilter = { ownerId: string; q?: string; group?: string };

export function deviceFilterWhere({ ownerId, q, group }: DeviceFilter): SQL {
  const parts: SQL[] = [eq(devices.ownerId, ownerId)];
  if (group) {
    // A group includes its sub-groups: "Site A" matches "Site A / Floor 2". A prefix compare,
    // not LIKE, so it is case-sensitive like the equality on both engines (SQLite's LIKE is not).
    const prefix = `${group} / `;
    const length = sql.raw(String([...prefix].length));
    parts.push(
      or(
        eq(devices.groupPath, group),
        sql`substr(${devices.groupPath}, 1, ${length}) = ${prefix}`,
      )!,
    );
  }
  const text = q?.trim();
  if (text) {
    const p = likePattern(text);
    parts.push(
      or(
        ilike(devices.name, p),
        ilike(devices.hardwareId, p),
        ilike(devices.groupPath, p),
        ilike(devices.kind, p),
      )!,
    );
  }
  return and(...parts)!;
}

export type DeviceRow = Device & { serviceCount: number };

export async function listOwnedDevices(
  db: Db,
  filter: DeviceFilter & { page?: number; pageSize?: number },
): Promise<{
  rows: DeviceRow[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
}> {
  const pageSize = filter.pageSize ?? 50;
  const where = deviceFilterWhere(filter);
  const total = (await db.select({ n: count() }).from(devices).where(where))[0]?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, filter.page ?? 1), pageCount);
  const rows = (
    await db
      .select({
        device: devices,
        // Written out: inside select fields Drizzle leaves columns unqualified, which would
        // make the correlation compare services with themselves.
        serviceCount: sql<number>`(select count(*) from services sv where sv.device_id = "devices"."id")`,
      })
      .from(devices)
      .where(where)
      .orderBy(asc(devices.groupPath), asc(devices.name), asc(devices.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize)
  ).map((r) => ({ ...r.device, serviceCount: Number(r.serviceCount) }));
  return { rows, total, page, pageCount, pageSize };
}

/** Every id matching a filter, for "select all matching" in bulk actions. */
export async function matchingDeviceIds(db: Db, filter: DeviceFilter): Promise<string[]> {
  return (await db.select({ id: devices.id }).from(devices).where(deviceFilterWhere(filter))).map(
    (r) => r.id,
  );
}

/** The owner's groups with their parents, so a filter can pick a whole site. */
export async function listGroups(db: Db, ownerId: string): Promise<string[]> {
  const paths = (
    await db
      .selectDistinct({ g: devices.groupPath })
      .from(devices)
      .where(eq(devices.ownerId, ownerId))
  )
    .map((r) => r.g)
    .filter(Boolean);
  const all = new Set<string>();
  for (const p of paths) {
    const segs = p.split(" / ");
    for (let i = 1; i <= segs.length; i++) all.add(segs.slice(0, i).join(" / "));
  }
  return [...all].sort((a, b) => a.localeCompare(b));
}

export async function getOwnedDevice(
  db: Db,
  ownerId: string,
  deviceId: string,
): Promise<(Device & { services: Service[] }) | null> {
  const device = (
    await db
      .select()
      .from(devices)
      .where(and(eq(devices.id, deviceId), eq(devices.ownerId, ownerId)))
  )[0];
  if (!device) return null;
  const svc = await db
    .select()
    .from(services)
    .where(eq(services.deviceId, deviceId))
    .orderBy(asc(services.port));
  return { ...device, services: svc };
}

export async function getDevicesByIds(db: Db, ids: string[]): Promise<Device[]> {
  if (ids.length === 0) return [];
  return await db.select().from(devices).where(inArray(devices.id, ids));
}

export async function searchOwnedDevicesByName(
  db: Db,
  ownerId: string,
  text: string,
  limit = 20,
): Promise<Device[]> {
  return await db
    .select()
    .from(devices)
    .where(and(eq(devices.ownerId, ownerId), ilike(devices.name, likePattern(text))))
    .limit(limit);
}
