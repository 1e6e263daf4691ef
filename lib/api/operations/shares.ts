import { z } from "zod";
import { defineOperation } from "../operation";
import {
  addDevicesBody,
  cancelBody,
  createdSharesSchema,
  emptyBody,
  extendBody,
  idParam,
  newShareBody,
  shareAnswerSchema,
  shareDetailSchema,
  shareListQuery,
  sharePageSchema,
} from "../schemas";

export const createShares = defineOperation({
  method: "POST",
  path: "/shares",
  operationId: "createShares",
  summary: "Share devices with recipients (bulk)",
  description:
    "N devices × M recipients in one transaction: one share per recipient. Conflicting " +
    "pairs (a live share of the same device to the same recipient) answer 409 with the " +
    "pairs, or are skipped with `skipConflicts: true`.",
  tag: "Shares",
  scope: "write",
  body: newShareBody,
  response: createdSharesSchema,
  status: 201,
  errors: [404, 409, 422],
});

export const listShares = defineOperation({
  method: "GET",
  path: "/shares",
  operationId: "listShares",
  summary: "Shares you made (outgoing) or received (incoming)",
  tag: "Shares",
  scope: "read",
  query: shareListQuery,
  response: sharePageSchema,
  errors: [422],
});

export const getShare = defineOperation({
  method: "GET",
  path: "/shares/{id}",
  operationId: "getShare",
  summary: "One share: devices, permissions, schedule, status, activity",
  tag: "Shares",
  scope: "read",
  params: idParam,
  response: shareDetailSchema,
  errors: [404],
});

const action = (
  name: string,
  summary: string,
  body: z.ZodType,
  who: "sharer" | "recipient",
  errors: number[] = [404, 409, 422],
) =>
  defineOperation({
    method: "POST",
    path: `/shares/{id}/${name}`,
    operationId: `${name}Share`,
    summary,
    description: who === "sharer" ? "For the share's sharer." : "For the share's recipient.",
    tag: "Shares",
    scope: "write",
    params: idParam,
    body,
    response: shareAnswerSchema,
    errors,
  });

export const extendShareOp = action("extend", "Extend the expiry", extendBody, "sharer");
export const cancelShareOp = action(
  "cancel",
  "Cancel the share, or some of its devices",
  cancelBody,
  "sharer",
);
export const addDevicesOp = action(
  "devices",
  "Add devices to a live share",
  addDevicesBody,
  "sharer",
);
export const suspendShareOp = action("suspend", "Suspend access for now", emptyBody, "sharer");
export const resumeShareOp = action("resume", "Resume a suspended share", emptyBody, "sharer");
export const linkShareOp = action(
  "link",
  "A new sharing link (the old one stops working)",
  emptyBody,
  "sharer",
);
export const acceptShareOp = action("accept", "Accept a share sent to you", emptyBody, "recipient");
export const declineShareOp = action("decline", "Decline a pending share", emptyBody, "recipient");
export const leaveShareOp = action("leave", "Leave an accepted share", emptyBody, "recipient");
