import { defineOperation } from "../operation";
import {
  deviceDetailSchema,
  deviceListQuery,
  devicePageSchema,
  idParam,
  newDeviceBody,
} from "../schemas";

export const listDevices = defineOperation({
  method: "GET",
  path: "/devices",
  operationId: "listDevices",
  summary: "List your devices",
  description:
    "Your own devices, by name; filter by text and group (a group includes its sub-groups).",
  tag: "Devices",
  scope: "read",
  query: deviceListQuery,
  response: devicePageSchema,
  errors: [422],
});

export const createDevice = defineOperation({
  method: "POST",
  path: "/devices",
  operationId: "createDevice",
  summary: "Add a device",
  tag: "Devices",
  scope: "write",
  body: newDeviceBody,
  response: deviceDetailSchema,
  status: 201,
  errors: [409, 422],
});

export const getDevice = defineOperation({
  method: "GET",
  path: "/devices/{id}",
  operationId: "getDevice",
  summary: "One of your devices, with its services",
  tag: "Devices",
  scope: "read",
  params: idParam,
  response: deviceDetailSchema,
  errors: [404],
});
