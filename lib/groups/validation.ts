import { z } from "zod";
import { noControlChars } from "@/lib/devices/validation";
import { idSchema } from "@/lib/platform/ids";

export const MAX_GROUP_MEMBERS = 500;
export const MAX_GROUPS_PER_SHARE = 20;
export const MAX_GROUP_NAME = 80;

const emailCheck = z.string().max(254).pipe(z.email());
const asArray = (v: unknown) => (v == null ? [] : Array.isArray(v) ? v : [v]);

export const groupNameSchema = z
  .string({ error: "Enter a name for the group." })
  .trim()
  .min(1, "Enter a name for the group.")
  .max(MAX_GROUP_NAME, `A group name is at most ${MAX_GROUP_NAME} characters.`)
  .refine(noControlChars, "A group name cannot contain control characters.");

/** Several emails, like Recipients: split on spaces, commas and semicolons, lower-cased, de-duplicated. */
export function membersSchema(opts: { required: boolean }) {
  return z
    .preprocess(asArray, z.array(z.string({ error: "Enter email addresses." })))
    .transform((list, ctx) => {
      const words = list
        .flatMap((s) => s.split(/[\s,;]+/))
        .map((w) => w.trim().toLowerCase())
        .filter(Boolean);
      const emails = [...new Set(words)];
      for (const bad of emails.filter((w) => !emailCheck.safeParse(w).success)) {
        ctx.addIssue({ code: "custom", message: `"${bad}" is not a valid email address.` });
      }
      if (opts.required && emails.length === 0)
        ctx.addIssue({ code: "custom", message: "Enter at least one member email." });
      if (emails.length > MAX_GROUP_MEMBERS) {
        ctx.addIssue({
          code: "custom",
          message: `A group has at most ${MAX_GROUP_MEMBERS} members.`,
        });
      }
      return emails;
    });
}

export const groupIdsSchema = z
  .preprocess(asArray, z.array(idSchema))
  .transform((ids) => [...new Set(ids)])
  .pipe(
    z
      .array(z.string())
      .max(
        MAX_GROUPS_PER_SHARE,
        `You can share with at most ${MAX_GROUPS_PER_SHARE} groups at once.`,
      ),
  );
