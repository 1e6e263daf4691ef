// Every operation of /api/v1, in the order of the reference.
import type { ApiOperation } from "../operation";
import { checkAccessOp, listActivityOp } from "./access";
import { createDevice, getDevice, listDevices } from "./devices";
import {
  addMembersOp,
  createGroupOp,
  deleteGroupOp,
  getGroupOp,
  listGroupsOp,
  removeMemberOp,
  renameGroupOp,
} from "./groups";
import {
  acceptShareOp,
  addDevicesOp,
  cancelShareOp,
  createShares,
  declineShareOp,
  extendShareOp,
  getShare,
  leaveShareOp,
  linkShareOp,
  listShares,
  resumeShareOp,
  suspendShareOp,
} from "./shares";

export const OPERATIONS: ApiOperation[] = [
  listDevices,
  createDevice,
  getDevice,
  createShares,
  listShares,
  getShare,
  extendShareOp,
  cancelShareOp,
  addDevicesOp,
  suspendShareOp,
  resumeShareOp,
  acceptShareOp,
  declineShareOp,
  leaveShareOp,
  linkShareOp,
  listGroupsOp,
  createGroupOp,
  getGroupOp,
  renameGroupOp,
  deleteGroupOp,
  addMembersOp,
  removeMemberOp,
  checkAccessOp,
  listActivityOp,
];
