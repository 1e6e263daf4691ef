"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authedAction } from "@/lib/request/action";
import { importDevices } from "@/lib/devices/csv";
import {
  addService,
  createDevice,
  deleteDevice,
  removeService,
  updateDevice,
} from "@/lib/devices/mutations";
import { deviceInputSchema, idSchema, serviceInputSchema } from "@/lib/devices/validation";
import { DomainError } from "@/lib/platform/errors";

export const createDeviceAction = authedAction(
  deviceInputSchema,
  async (input, { db, user, now }) => {
    const device = await createDevice(db, user.id, input, now);
    revalidatePath("/devices");
    redirect(`/devices?added=${encodeURIComponent(device.id)}`);
  },
);

export const updateDeviceAction = authedAction(
  deviceInputSchema.extend({ deviceId: idSchema }),
  async (input, { db, user, now }) => {
    await updateDevice(db, user.id, input.deviceId, input, now);
    revalidatePath("/devices");
    revalidatePath(`/devices/${input.deviceId}`);
    return { saved: true };
  },
);

export const deleteDeviceAction = authedAction(
  z.object({ deviceId: idSchema }),
  async (input, { db, user }) => {
    await deleteDevice(db, user.id, input.deviceId);
    revalidatePath("/devices");
    redirect("/devices?deleted=1");
  },
);

export const addServiceAction = authedAction(
  serviceInputSchema.extend({ deviceId: idSchema }),
  async (input, { db, user, now }) => {
    const svc = await addService(db, user.id, input.deviceId, input, now);
    revalidatePath(`/devices/${input.deviceId}`);
    return { serviceId: svc.id };
  },
);

export const removeServiceAction = authedAction(
  z.object({ deviceId: idSchema, serviceId: idSchema }),
  async (input, { db, user }) => {
    await removeService(db, user.id, input.deviceId, input.serviceId);
    revalidatePath(`/devices/${input.deviceId}`);
    return { removed: true };
  },
);

const MAX_CSV_BYTES = 2 * 1024 * 1024;
const importSchema = z.object({
  csv: z
    .string()
    .max(MAX_CSV_BYTES, "The CSV is larger than 2 MB; split it into several imports.")
    .optional(),
  file: z.instanceof(File).optional(),
});

export const importDevicesAction = authedAction(importSchema, async (input, { db, user, now }) => {
  let text = input.csv ?? "";
  if (input.file && input.file.size > 0) {
    if (input.file.size > MAX_CSV_BYTES)
      throw new DomainError("The file is larger than 2 MB; split it into several imports.", "file");
    text = await input.file.text();
  }
  if (!text.trim()) throw new DomainError("Choose a CSV file or paste its contents.", "csv");
  const result = await importDevices(db, user.id, text, now);
  if (result.errors.length) {
    const lines = result.errors.slice(0, 50).map((e) => `Line ${e.line}: ${e.message}`);
    if (result.errors.length > 50) lines.push(`…and ${result.errors.length - 50} more.`);
    const n = result.errors.length;
    throw new DomainError(
      `Nothing was imported: ${n} ${n === 1 ? "line has" : "lines have"} errors.`,
      "csv",
      "invalid",
      lines,
    );
  }
  revalidatePath("/devices");
  return { created: result.created };
});
