import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { devices, services, type Device, type Service } from "@/db/schema";
import { DomainError, NotFoundError } from "@/lib/platform/errors";
import { newId } from "@/lib/platform/ids";
import type { DeviceInput, ServiceInput } from "@/lib/devices/validation";

function isUniqueViolation(e: unknown): boolean {
  return String((e as Error)?.message ?? e).includes("UNIQUE constraint failed");
}

const duplicateHardware = (hw: string) =>
  new DomainError(`You already have a device with hardware ID ${hw}.`, "hardwareId", "conflict");

export function createDevice(db: Db, ownerId: string, input: DeviceInput, now: number): Device {
  const device: Device = {
    id: newId(),
    ownerId,
    name: input.name,
    hardwareId: input.hardwareId,
    kind: input.kind,
    groupPath: input.group,
    demo: false,
    createdAt: now,
    updatedAt: now,
  };
  try {
    db.insert(devices).values(device).run();
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicateHardware(input.hardwareId);
    throw e;
  }
  return device;
}

function requireOwned(db: Db, ownerId: string, deviceId: string): Device {
  const d = db
    .select()
    .from(devices)
    .where(and(eq(devices.id, deviceId), eq(devices.ownerId, ownerId)))
    .get();
  if (!d) throw new NotFoundError("Device not found.");
  return d;
}

export function updateDevice(
  db: Db,
  ownerId: string,
  deviceId: string,
  input: DeviceInput,
  now: number,
): Device {
  requireOwned(db, ownerId, deviceId);
  try {
    db.update(devices)
      .set({
        name: input.name,
        hardwareId: input.hardwareId,
        groupPath: input.group,
        kind: input.kind,
        updatedAt: now,
      })
      .where(and(eq(devices.id, deviceId), eq(devices.ownerId, ownerId)))
      .run();
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicateHardware(input.hardwareId);
    throw e;
  }
  return requireOwned(db, ownerId, deviceId);
}

/** Deleting a device also ends its share items (cascade): recipients lose it at once. */
export function deleteDevice(db: Db, ownerId: string, deviceId: string): void {
  requireOwned(db, ownerId, deviceId);
  db.delete(devices)
    .where(and(eq(devices.id, deviceId), eq(devices.ownerId, ownerId)))
    .run();
}

export function addService(
  db: Db,
  ownerId: string,
  deviceId: string,
  input: ServiceInput,
  now: number,
): Service {
  requireOwned(db, ownerId, deviceId);
  const existing = db.select().from(services).where(eq(services.deviceId, deviceId)).all();
  if (existing.some((s) => s.name.toLowerCase() === input.name.toLowerCase())) {
    throw new DomainError(
      `This device already has a service named ${input.name}.`,
      "name",
      "conflict",
    );
  }
  const svc: Service = {
    id: newId(),
    deviceId,
    name: input.name,
    kind: input.kind,
    port: input.port,
    createdAt: now,
  };
  db.insert(services).values(svc).run();
  return svc;
}

export function removeService(db: Db, ownerId: string, deviceId: string, serviceId: string): void {
  requireOwned(db, ownerId, deviceId);
  const res = db
    .delete(services)
    .where(and(eq(services.id, serviceId), eq(services.deviceId, deviceId)))
    .run();
  if (res.changes === 0) throw new NotFoundError("Service not found.");
}
