import { defineOperation } from "../operation";
import {
  addedMembersSchema,
  addMembersBody,
  deletedGroupSchema,
  groupDetailSchema,
  groupListQuery,
  groupPageSchema,
  memberParam,
  newGroupBody,
  removedMemberSchema,
  renameGroupBody,
} from "../group-schemas";
import { idParam } from "../schemas";

const OWNER_ONLY = "For the group's owner; any other group answers 404.";

export const listGroupsOp = defineOperation({
  method: "GET",
  path: "/groups",
  operationId: "listGroups",
  summary: "Your groups, by name, with member counts",
  tag: "Groups",
  scope: "read",
  query: groupListQuery,
  response: groupPageSchema,
  errors: [422],
});

export const createGroupOp = defineOperation({
  method: "POST",
  path: "/groups",
  operationId: "createGroup",
  summary: "Create a group (a name and its first members)",
  description:
    "Names are unique per owner (case-insensitive); 409 when you already have one. You cannot " +
    "be a member of your own group, and your sharing policy's allowed domains bind members too.",
  tag: "Groups",
  scope: "write",
  body: newGroupBody,
  response: groupDetailSchema,
  status: 201,
  errors: [409, 422],
});

export const getGroupOp = defineOperation({
  method: "GET",
  path: "/groups/{id}",
  operationId: "getGroup",
  summary: "One of your groups, with its members",
  description: OWNER_ONLY,
  tag: "Groups",
  scope: "read",
  params: idParam,
  response: groupDetailSchema,
  errors: [404],
});

export const renameGroupOp = defineOperation({
  method: "PATCH",
  path: "/groups/{id}",
  operationId: "renameGroup",
  summary: "Rename a group",
  description: `${OWNER_ONLY} Its shares keep reaching the same members.`,
  tag: "Groups",
  scope: "write",
  params: idParam,
  body: renameGroupBody,
  response: groupDetailSchema,
  errors: [404, 409, 422],
});

export const deleteGroupOp = defineOperation({
  method: "DELETE",
  path: "/groups/{id}",
  operationId: "deleteGroup",
  summary: "Delete a group; its shares are cancelled",
  description:
    `${OWNER_ONLY} Every live share of the group ends (a share.cancelled event each). A new ` +
    "group with the same name is a new group and reaches nothing of this one.",
  tag: "Groups",
  scope: "write",
  params: idParam,
  response: deletedGroupSchema,
  errors: [404],
});

export const addMembersOp = defineOperation({
  method: "POST",
  path: "/groups/{id}/members",
  operationId: "addGroupMembers",
  summary: "Add members (they have access to the group's shares at once)",
  description:
    `${OWNER_ONLY} Members already in the group are left as they are. Each new member gets ` +
    "the invitation email of every notifying live share of the group (counted against the " +
    "daily invitations: over it, nobody is added and the answer is 429, or 422 when the " +
    "emails would be more than a whole day's). A group.member_added " +
    "event per new member.",
  tag: "Groups",
  scope: "write",
  params: idParam,
  body: addMembersBody,
  response: addedMembersSchema,
  errors: [404, 422],
});

export const removeMemberOp = defineOperation({
  method: "DELETE",
  path: "/groups/{id}/members/{member}",
  operationId: "removeGroupMember",
  summary: "Remove a member (they lose the group's shares at once)",
  description: `${OWNER_ONLY} A group.member_removed event.`,
  tag: "Groups",
  scope: "write",
  params: memberParam,
  response: removedMemberSchema,
  errors: [404],
});
