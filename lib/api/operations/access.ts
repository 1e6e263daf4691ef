import { defineOperation } from "../operation";
import { accessAnswerSchema, accessQuery, activityPageSchema, activityQuery } from "../schemas";

export const checkAccessOp = defineOperation({
  method: "GET",
  path: "/access",
  operationId: "checkAccess",
  summary: "May this person operate this device now?",
  description:
    "For your own devices only. The answer and its reason are the portal's access check " +
    "(owner, shared, not_shared, not_started, outside_window, expired, cancelled, suspended, " +
    "service_not_shared, permission_not_granted, remote_disabled).",
  tag: "Access",
  scope: "read",
  query: accessQuery,
  response: accessAnswerSchema,
  errors: [404, 422],
});

export const listActivityOp = defineOperation({
  method: "GET",
  path: "/activity",
  operationId: "listActivity",
  summary: "Every event of the shares you made, newest first",
  tag: "Activity",
  scope: "read",
  query: activityQuery,
  response: activityPageSchema,
  errors: [422],
});
