// Test helpers: rows inserted straight through Drizzle, bypassing the sign-up and device
// forms, so sharing tests depend on nothing but the schema.
import { transaction } from "@/db/engine";
import { count } from "drizzle-orm";
import type { Db } from "@/db/client";
import { freshDb } from "@/tests/support/db/fresh";
import {
  devices,
  services,
  shareEvents,
  shareItems,
  shares,
  users,
  type Device,
  type Service,
  type User,
} from "@/db/schema";
import { chunked } from "@/db/transaction";
import { newId } from "@/lib/platform/ids";
import type { ShareRequest } from "./validation";
import { DAY, HOUR } from "@/lib/platform/time";
export { HOUR, DAY };

export const T0 = Date.UTC(2030, 0, 15, 12, 0, 0); // a fixed "now" for tests

/** A clean, migrated database on the engine under test (KEYSHARE_TEST_DB). */
export function testDb(): Promise<Db> {
  return freshDb();
}

let seq = 0;
const next = () => ++seq;

export async function makeUser(
  db: Db,
  opts: { email?: string; name?: string } = {},
): Promise<User> {
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
  await transaction(db, async (tx) => tx.insert(users).values(row));
  return row;
}

function hardwareId(n: number): string {
  const hex = n.toString(16).padStart(12, "0");
  return `80:00:${hex.match(/../g)!.join(":")}`;
}

export async function makeDevice(
  db: Db,
  opts: {
    ownerId: string;
    name?: string;
    demo?: boolean;
    hardwareId?: string;
    kind?: string;
    groupPath?: string;
  },
): Promise<Device> {
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
  await transaction(db, async (tx) => tx.insert(devices).values(row));
  return row;
}

/** Many devices at once (chunked multi-row insert), for bulk tests. */
export async function makeDevices(
  db: Db,
  ownerId: string,
  count: number,
  prefix = "Device",
): Promise<Device[]> {
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
  for (const part of chunked(rows, 500))
    await transaction(db, async (tx) => tx.insert(devices).values(part));
  return rows;
}

export async function makeService(
  db: Db,
  opts: { deviceId: string; name?: string; kind?: string; port?: number },
): Promise<Service> {
  const row: Service = {
    id: newId(),
    deviceId: opts.deviceId,
    name: opts.name ?? "SSH",
    kind: opts.kind ?? "SSH",
    port: opts.port ?? 22,
    createdAt: T0,
  };
  await transaction(db, async (tx) => tx.insert(services).values(row));
  return row;
}

/** A valid share request with sensible defaults, to override per test. */
export function shareRequest(
  over: Partial<ShareRequest> & Pick<ShareRequest, "recipients" | "deviceIds">,
): ShareRequest {
  return { permissions: "Viewer", expiresAt: T0 + 7 * DAY, ...over };
}

/** Row counts of the sharing tables, to assert that a refused write left nothing behind. */
export async function sharingCounts(
  db: Db,
): Promise<{ shares: number; items: number; events: number }> {
  const n = async (table: typeof shares | typeof shareItems | typeof shareEvents) =>
    (await db.select({ n: count() }).from(table))[0].n;
  return { shares: await n(shares), items: await n(shareItems), events: await n(shareEvents) };
}
