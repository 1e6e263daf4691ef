"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/request/action";
import { policyFormSchema, saveSharingPolicy } from "@/lib/sharing/policies/store";

/** Saves the caller's own sharing policy (there is no other owner to name). */
export const savePoliciesAction = authedAction(
  policyFormSchema,
  async (input, { db, user, now }) => {
    const policy = await saveSharingPolicy(db, user.id, input, now);
    revalidatePath("/settings");
    revalidatePath("/devices");
    return policy;
  },
);
