"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { idSchema } from "@/lib/devices/validation";
import { authedAction } from "@/lib/request/action";
import {
  addMembers,
  createGroup,
  deleteGroup,
  removeMember,
  renameGroup,
} from "@/lib/groups/store";
import { notifyGroupMembers, notifyingShareCount } from "@/lib/groups/notify";
import { groupNameSchema, membersSchema } from "@/lib/groups/validation";
import { spendInvitations } from "@/lib/sharing/invite-quota";

const groupId = idSchema;

function refresh(id?: string) {
  revalidatePath("/groups");
  if (id) revalidatePath(`/groups/${id}`);
  revalidatePath("/shared-by-me");
}

/** `New group`: a name and its first members. */
export const createGroupAction = authedAction(
  z.object({ name: groupNameSchema, members: membersSchema({ required: false }) }),
  async (input, { db, user, now }) => {
    const { group } = await createGroup(db, {
      ownerId: user.id,
      name: input.name,
      members: input.members,
      now,
    });
    refresh();
    return { groupId: group.id };
  },
);

/**
 * `Add members`: each new member has access at once to the group's shares, and gets the
 * invitation email for each of them that notifies (counted against the daily invitations).
 */
export const addMembersAction = authedAction(
  z.object({ groupId, members: membersSchema({ required: true }) }),
  async (input, { db, user, now }) => {
    const perMember = await notifyingShareCount(db, input.groupId, now);
    const { group, added: fresh } = await addMembers(db, {
      ownerId: user.id,
      groupId: input.groupId,
      emails: input.members,
      now,
      // Over the daily invitation emails: nobody is added (counted in the same transaction).
      beforeCommit: (tx, added) => spendInvitations(tx, user.id, added.length * perMember, now),
    });
    if (fresh.length && perMember) {
      await notifyGroupMembers(db, user, {
        groupId: group.id,
        emails: fresh.map((m) => m.email),
        now,
      });
    }
    refresh(group.id);
    return { added: fresh.map((m) => m.email) };
  },
);

export const removeMemberAction = authedAction(
  z.object({ groupId, email: z.string().trim().min(3).max(254) }),
  async (input, { db, user, now }) => {
    await removeMember(db, { ownerId: user.id, groupId: input.groupId, email: input.email, now });
    refresh(input.groupId);
    return { removed: input.email };
  },
);

export const renameGroupAction = authedAction(
  z.object({ groupId, name: groupNameSchema }),
  async (input, { db, user }) => {
    const g = await renameGroup(db, { ownerId: user.id, groupId: input.groupId, name: input.name });
    refresh(g.id);
    return { name: g.name };
  },
);

/** `Delete group`: its shares are cancelled; back to the list. */
export const deleteGroupAction = authedAction(
  z.object({ groupId }),
  async (input, { db, user, now }) => {
    await deleteGroup(db, { ownerId: user.id, groupId: input.groupId, now });
    refresh(input.groupId);
    redirect("/groups?deleted=1");
  },
);
