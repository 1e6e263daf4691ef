// One description per endpoint: method, path, scope and the zod schemas of its parameters,
// body and answer. Route handlers validate with these schemas and the OpenAPI document is
// generated from the very same objects, so the two cannot disagree.
import type { z } from "zod";
import type { Scope } from "./tokens";

export type ApiOperation = {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** OpenAPI path under /api/v1, e.g. "/shares/{id}". */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: "Devices" | "Shares" | "Groups" | "Access" | "Activity";
  scope: Scope;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  response: z.ZodType;
  status?: 200 | 201;
  /** Problem statuses this endpoint answers besides 401/403/429. */
  errors: number[];
};

export const defineOperation = <T extends ApiOperation>(op: T): T => op;
