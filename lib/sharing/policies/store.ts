import { type Conn, transaction } from "@/db/engine";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { sharingPolicies } from "@/db/schema";
import {
  DEFAULT_EXPIRY_CHOICES,
  DEFAULT_EXPIRY_DAYS,
  isDomain,
  MAX_POLICY_DAYS,
  NO_POLICY,
  splitDomains,
  type SharingPolicy,
} from "./policy";

/** The owner's policy; an owner who never saved one has none (the defaults). */
export async function getSharingPolicy(db: Db, ownerId: string): Promise<SharingPolicy> {
  const row = (
    await db.select().from(sharingPolicies).where(eq(sharingPolicies.ownerId, ownerId))
  )[0];
  if (!row) return NO_POLICY;
  return {
    defaultExpiry: row.defaultExpiry,
    maxExpiryDays: row.maxExpiryDays,
    allowedDomains: splitDomains(row.allowedDomains),
  };
}

/** The /settings form; an empty maximum means none. */
export const policyFormSchema = z
  .object({
    defaultExpiry: z.enum(DEFAULT_EXPIRY_CHOICES, { error: "Choose a default expiry." }),
    maxExpiryDays: z.preprocess(
      (v) =>
        v == null || (typeof v === "string" && v.trim() === "")
          ? null
          : typeof v === "string"
            ? Number(v)
            : v,
      z
        .number({ error: "Enter a number of days, or leave it empty for no maximum." })
        .int("Enter a whole number of days.")
        .min(1, "The maximum is at least 1 day.")
        .max(MAX_POLICY_DAYS, `The maximum is at most ${MAX_POLICY_DAYS} days (5 years).`)
        .nullable(),
    ),
    allowedDomains: z.preprocess(
      // Absent means none; any other non-string is refused (it used to mean "no restriction").
      (v) => (v == null ? "" : v),
      z
        .string()
        .max(2000, "List at most 2,000 characters of domains.")
        .transform((text, ctx) => {
          const list = splitDomains(text);
          for (const bad of list.filter((d) => !isDomain(d)))
            ctx.addIssue({ code: "custom", message: `"${bad}" is not a valid domain.` });
          if (list.length > 50)
            ctx.addIssue({ code: "custom", message: "List at most 50 domains." });
          return list;
        }),
    ),
  })
  .superRefine((v, ctx) => {
    const days = DEFAULT_EXPIRY_DAYS[v.defaultExpiry];
    if (v.maxExpiryDays != null && (days == null || days > v.maxExpiryDays)) {
      ctx.addIssue({
        code: "custom",
        path: ["defaultExpiry"],
        message: "The default expiry cannot be longer than the maximum expiry.",
      });
    }
  });
export type PolicyForm = z.output<typeof policyFormSchema>;

export async function saveSharingPolicy(
  db: Conn,
  ownerId: string,
  p: PolicyForm,
  now: number,
): Promise<SharingPolicy> {
  return transaction(db, async (tx) => {
    const row = {
      defaultExpiry: p.defaultExpiry,
      maxExpiryDays: p.maxExpiryDays,
      allowedDomains: p.allowedDomains.join(","),
      updatedAt: now,
    };
    await tx
      .insert(sharingPolicies)
      .values({ ownerId, ...row })
      .onConflictDoUpdate({ target: sharingPolicies.ownerId, set: row });
    return getSharingPolicy(tx, ownerId);
  });
}
