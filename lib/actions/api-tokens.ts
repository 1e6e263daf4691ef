"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { idSchema } from "@/lib/devices/validation";
import { authedAction } from "@/lib/request/action";
import { createApiToken, revokeApiToken, SCOPES } from "@/lib/api/tokens";

const createSchema = z.object({
  name: z
    .string({ error: "Name the token." })
    .trim()
    .min(1, "Name the token, e.g. after the script that uses it.")
    .max(100, "The name is at most 100 characters.")
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), "The name cannot contain control characters."),
  scopes: z.preprocess(
    (v) => (v == null ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(z.enum(SCOPES, { error: "Choose Read, Write or both." }))
      .min(1, "Choose at least one scope."),
  ),
  expires: z.enum(["30", "90", "365", "never"], { error: "Choose when the token expires." }),
});

/** A new token for the signed-in user; its value is returned once and never stored. */
export const createApiTokenAction = authedAction(createSchema, async (input, { db, user, now }) => {
  const { token, row } = await createApiToken(db, {
    userId: user.id,
    name: input.name,
    scopes: input.scopes,
    days: input.expires === "never" ? null : Number(input.expires),
    now,
  });
  revalidatePath("/settings/api");
  return { token, id: row.id, name: row.name };
});

/** Stops the token at once (the next request with it is a 401). Only the caller's own tokens. */
export const revokeApiTokenAction = authedAction(
  z.object({ tokenId: idSchema }),
  async (input, { db, user, now }) => {
    await revokeApiToken(db, { userId: user.id, tokenId: input.tokenId, now });
    revalidatePath("/settings/api");
    return { revoked: true };
  },
);
