"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { idSchema } from "@/lib/devices/validation";
import { authedAction } from "@/lib/request/action";
import { OPERATIONS } from "@/lib/access/evaluate";
import { performOperation } from "@/lib/access/operate";

/** Every operation on a device, by anyone, goes through the access check (no UI-only guard). */
export const performOperationAction = authedAction(
  z.object({
    deviceId: idSchema,
    operation: z.enum(OPERATIONS, { error: "Unknown operation." }),
    serviceId: idSchema.optional(),
  }),
  async (input, { db, user, now }) => {
    const result = await performOperation(db, {
      user,
      deviceId: input.deviceId,
      operation: input.operation,
      serviceId: input.serviceId,
      now,
    });
    revalidatePath(`/devices/${input.deviceId}`);
    return result;
  },
);
