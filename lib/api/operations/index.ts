// Every operation of /api/v1, in the order of the reference.
import type { ApiOperation } from "../operation";
import { checkAccessOp, listActivityOp } from "./access";
import { createDevice, getDevice, listDevices } from "./devices";
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
  checkAccessOp,
  listActivityOp,
];
