import { type Conn, transaction, isUniqueViolation as isUnique, affected } from "@/db/engine";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { devices, services, type Device, type Service } from "@/db/schema";
import { DomainError, NotFoundError } from "@/lib/platform/errors";
import { newId } from "@/lib/platform/ids";
import type { DeviceInput, ServiceInput } from "@/lib/devices/validation";

/** A unique index refused the write (one hardware id per owner; one service name per device). */
const isUniqueViolation = (e: unknown) => isUnique(e);

const duplicateHardware = (hw: string) =>
  new DomainError(`You already have a device with hardware ID ${hw}.`, "hardwareId", "conflict");

export async function createDevice(
  db: Conn,
  ownerId: string,
  input: DeviceInput,
  now: number,
): Promise<Device> {
  return transaction(db, async (tx) => {
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
      await tx.insert(devices).values(device);
    } catch (e) {
      if (isUniqueViolation(e)) throw duplicateHardware(input.hardwareId);
      throw e;
    }
    return device;
  });
}

async function requireOwned(db: Db, ownerId: string, deviceId: string): Promise<Device> {
  const d = (
    await db
      .select()
      .from(devices)
      .where(and(eq(devices.id, deviceId), eq(devices.ownerId, ownerId)))
  )[0];
  if (!d) throw new NotFoundError("Device not found.");
  return d;
}

export async function updateDevice(
  db: Conn,
  ownerId: string,
  deviceId: string,
  input: DeviceInput,
  now: number,
): Promise<Device> {
  return transaction(db, async (tx) => {
    await requireOwned(tx, ownerId, deviceId);
    try {
      await tx
        .update(devices)
        .set({
          name: input.name,
          hardwareId: input.hardwareId,
          groupPath: input.group,
          kind: input.kind,
          updatedAt: now,
        })
        .where(and(eq(devices.id, deviceId), eq(devices.ownerId, ownerId)));
    } catch (e) {
      if (isUniqueViolation(e)) throw duplicateHardware(input.hardwareId);
      throw e;
    }
    return requireOwned(tx, ownerId, deviceId);
  });
}

/** Deleting a device also ends its share items (cascade): recipients lose it at once. */
export async function deleteDevice(db: Conn, ownerId: string, deviceId: string): Promise<void> {
  return transaction(db, async (tx) => {
    await requireOwned(tx, ownerId, deviceId);
    await tx.delete(devices).where(and(eq(devices.id, deviceId), eq(devices.ownerId, ownerId)));
  });
}

export async function addService(
  db: Conn,
  ownerId: string,
  deviceId: string,
  input: ServiceInput,
  now: number,
): Promise<Service> {
  return transaction(db, async (tx) => {
    await requireOwned(tx, ownerId, deviceId);
    const existing = await tx.select().from(services).where(eq(services.deviceId, deviceId));
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
    await tx.insert(services).values(svc);
    return svc;
  });
}

export async function removeService(
  db: Conn,
  ownerId: string,
  deviceId: string,
  serviceId: string,
): Promise<void> {
  return transaction(db, async (tx) => {
    await requireOwned(tx, ownerId, deviceId);
    const res = await tx
      .delete(services)
      .where(and(eq(services.id, serviceId), eq(services.deviceId, deviceId)));
    if (affected(res) === 0) throw new NotFoundError("Service not found.");
  });
}
