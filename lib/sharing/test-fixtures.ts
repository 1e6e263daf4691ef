// Test helpers: rows inserted straight through Drizzle, bypassing the sign-up and device
// forms, so sharing tests depend on nothing but the schema.
import { openDb, type Db } from "@/db/client";
import { devices, services, users, type Device, type Service, type User } from "@/db/schema";
import { chunked } from "@/db/transaction";
import { newId } from "@/lib/platform/ids";
import type { ShareRequest } from "./validation";

export const T0 = Date.UTC(2030, 0, 15, 12, 0, 0); // a fixed "now" for tests
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export function testDb(): Db {
  return openDb(":memory:", { migrate: true });
}

let seq = 0;
const next = () => ++seq;

export function makeUser(db: Db, opts: { email?: string; name?: string } = {}): User {
  const n = next();
  const row: User = {
    id: newId(),
    email: (opts.email ?? `user${n}@example.com`).trim().toLowerCase(),
    name: opts.name ?? `User ${n}`,
    passwordHash: null,
    emailVerified: T0,
    image: null,
    sessionVersion: 0,
    createdAt: T0,
  };
  db.insert(users).values(row).run();
  return row;
}

function hardwareId(n: number): string {
  const hex = n.toString(16).padStart(12, "0");
  return `80:00:${hex.match(/../g)!.join(":")}`;
}

export function makeDevice(
  db: Db,
  opts: {
    ownerId: string;
    name?: string;
    demo?: boolean;
    hardwareId?: string;
    kind?: string;
    groupPath?: string;
  },
): Device {
  const n = next();
  const row: Device = {
    id: newId(),
    ownerId: opts.ownerId,
    name: opts.name ?? `Device ${n}`,
    hardwareId: opts.hardwareId ?? hardwareId(n),
    kind: opts.kind ?? "Gateway",
    groupPath: opts.groupPath ?? "",
    demo: opts.demo ?? false,
    createdAt: T0,
    updatedAt: T0,
  };
  db.insert(devices).values(row).run();
  return row;
}

/** Many devices at once (chunked multi-row insert), for bulk tests. */
export function makeDevices(db: Db, ownerId: string, count: number, prefix = "Device"): Device[] {
  const rows: Device[] = Array.from({ length: count }, (_, i) => {
    const n = next();
    return {
      id: newId(),
      ownerId,
      name: `${prefix} ${i + 1}`,
      hardwareId: hardwareId(n),
      kind: "Gateway",
      groupPath: "",
      demo: false,
      createdAt: T0,
      updatedAt: T0,
    };
  });
  for (const part of chunked(rows, 500)) db.insert(devices).values(part).run();
  return rows;
}

export function makeService(
  db: Db,
  opts: { deviceId: string; name?: string; kind?: string; port?: number },
): Service {
  const row: Service = {
    id: newId(),
    deviceId: opts.deviceId,
    name: opts.name ?? "SSH",
    kind: opts.kind ?? "SSH",
    port: opts.port ?? 22,
    createdAt: T0,
  };
  db.insert(services).values(row).run();
  return row;
}

/** A valid share request with sensible defaults, to override per test. */
export function shareRequest(
  over: Partial<ShareRequest> & Pick<ShareRequest, "recipients" | "deviceIds">,
): ShareRequest {
  return { permissions: "Viewer", expiresAt: T0 + 7 * DAY, ...over };
}

/** Row counts of the sharing tables, to assert that a refused write left nothing behind. */
export function sharingCounts(db: Db): { shares: number; items: number; events: number } {
  const n = (table: string) =>
    (db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  return { shares: n("shares"), items: n("share_items"), events: n("share_events") };
}
