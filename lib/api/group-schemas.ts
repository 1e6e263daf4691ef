// zod schemas of the /groups requests and answers (issue 16). Names and members are checked
// by the portal's own schemas (lib/groups/validation), so the API refuses what the form does.
import { z } from "zod";
import { groupNameSchema, MAX_GROUP_MEMBERS } from "@/lib/groups/validation";
import { idSchema } from "@/lib/platform/ids";
import { cursorSchema, limitSchema } from "./schemas";

const isoDate = z.iso.datetime({ offset: true }).meta({ description: "ISO 8601 date-time." });
const email = z.string().max(254).pipe(z.email());

export const groupSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    memberCount: z.number().int(),
    createdAt: isoDate,
  })
  .meta({ id: "Group" });

export const groupMemberSchema = z
  .object({
    id: z.string().meta({ description: "The member's id (usable in DELETE …/members/{member})." }),
    email: z.string(),
    name: z
      .string()
      .nullable()
      .meta({ description: "The account's name, once the person has proven the address." }),
    addedAt: isoDate,
  })
  .meta({ id: "GroupMember" });

export const groupDetailSchema = groupSchema
  .extend({
    members: z.array(groupMemberSchema),
    liveShares: z.number().int().meta({ description: "Shares of the group that give access now." }),
  })
  .meta({ id: "GroupWithMembers" });

export const groupPageSchema = z
  .object({ items: z.array(groupSchema), nextCursor: z.string().nullable() })
  .meta({ id: "GroupPage" });

export const groupListQuery = z.object({ cursor: cursorSchema, limit: limitSchema });

const memberList = z
  .array(email)
  .max(MAX_GROUP_MEMBERS)
  .meta({ description: "Email addresses; an account is bound once it has proven the address." });

export const newGroupBody = z
  .object({ name: groupNameSchema, members: memberList.optional() })
  .strict()
  .meta({ id: "NewGroup" });

export const renameGroupBody = z
  .object({ name: groupNameSchema })
  .strict()
  .meta({ id: "RenameGroup" });

export const addMembersBody = z
  .object({ members: memberList.min(1) })
  .strict()
  .meta({ id: "AddMembers" });

export const addedMembersSchema = z
  .object({
    group: groupDetailSchema,
    added: z.array(z.string()).meta({
      description: "The addresses that were not members yet (the others are left as they were).",
    }),
  })
  .meta({ id: "AddedMembers" });

export const deletedGroupSchema = z
  .object({ id: z.string(), deleted: z.literal(true), cancelledShares: z.number().int() })
  .meta({ id: "DeletedGroup" });

export const removedMemberSchema = z
  .object({ group: groupDetailSchema, removed: z.object({ id: z.string(), email: z.string() }) })
  .meta({ id: "RemovedMember" });

export const memberParam = z.object({
  id: idSchema.meta({ description: "The group's id." }),
  member: z
    .string()
    .min(1)
    .max(254)
    .meta({ description: "The member's email address, or their id from the group's members." }),
});
