"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/action";
import { policyFormSchema, saveSharingPolicy } from "@/lib/policies/store";

/** Saves the caller's own sharing policy (there is no other owner to name). */
export const savePoliciesAction = authedAction(policyFormSchema, (input, { db, user, now }) => {
  const policy = saveSharingPolicy(db, user.id, input, now);
  revalidatePath("/settings");
  revalidatePath("/devices");
  return policy;
});
