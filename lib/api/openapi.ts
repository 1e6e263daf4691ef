// The OpenAPI 3.1 document, generated from the operations' zod schemas (z.toJSONSchema, JSON
// Schema 2020-12, which OpenAPI 3.1 uses as is). Named schemas (.meta({ id })) become
// components; nothing here is written by hand twice.
import { z } from "zod";
import { OPERATIONS } from "./operations";
import type { ApiOperation } from "./operation";
import { problemSchema } from "./problem";

type Json = Record<string, unknown>;

function convert(schema: z.ZodType, io: "input" | "output", components: Json): Json {
  const out = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io,
    unrepresentable: "any",
  }) as Json;
  const text = JSON.stringify(out).replaceAll('"#/$defs/', '"#/components/schemas/');
  const parsed = JSON.parse(text) as Json & { $defs?: Json };
  const { $defs, ...rest } = parsed;
  delete rest.$schema;
  for (const [id, def] of Object.entries($defs ?? {})) components[id] ??= def;
  return rest;
}

const STATUS_TEXT: Record<number, string> = {
  400: "The body is not valid JSON.",
  401: "No token, or a token that is unknown, revoked or expired.",
  403: "The token lacks the scope this endpoint needs.",
  404: "Not found, or not yours: both answer the same.",
  409: "Conflicts with the current state (details in `detail`, pairs in `conflicts`).",
  413: "The body is too large.",
  415: "The body is not JSON.",
  422: "Invalid input; `errors` lists messages per field.",
  429:
    "Too many requests for this token, or over the daily invitation emails; wait Retry-After seconds " +
    "(more emails at once than a whole day allows is a 422: change the request).",
};

function parameters(op: ApiOperation, components: Json): Json[] {
  const list: Json[] = [];
  for (const [where, schema] of [
    ["path", op.params],
    ["query", op.query],
  ] as const) {
    if (!schema) continue;
    const js = convert(schema, "input", components) as { properties?: Json; required?: string[] };
    for (const [name, prop] of Object.entries(js.properties ?? {})) {
      const { description, ...rest } = prop as Json;
      list.push({
        name,
        in: where,
        required: where === "path" || (js.required ?? []).includes(name) ? true : undefined,
        description,
        schema: rest,
      });
    }
  }
  if (op.method !== "GET")
    list.push({
      name: "Idempotency-Key",
      in: "header",
      description: "Same key + same body within 24 h: the first answer again, nothing written.",
      schema: { type: "string", maxLength: 200 },
    });
  return list.map((p) => JSON.parse(JSON.stringify(p)) as Json); // drops undefined
}

export function buildOpenApi(serverUrl = "/api/v1"): Json {
  const components: Json = {};
  const paths: Record<string, Json> = {};
  for (const op of OPERATIONS) {
    const errors = [
      ...new Set([401, 403, 429, ...(op.method !== "GET" ? [400, 413, 415] : []), ...op.errors]),
    ];
    const responses: Json = {
      [String(op.status ?? 200)]: {
        description: "OK",
        content: { "application/json": { schema: convert(op.response, "output", components) } },
      },
    };
    for (const s of errors.sort())
      responses[String(s)] = {
        description: STATUS_TEXT[s] ?? "Error",
        content: {
          "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } },
        },
        ...(s === 429
          ? {
              headers: {
                "Retry-After": {
                  description: "Whole seconds until the limit's window frees a place (at least 1).",
                  schema: { type: "integer", minimum: 1 },
                },
              },
            }
          : {}),
      };
    (paths[op.path] ??= {})[op.method.toLowerCase()] = {
      operationId: op.operationId,
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      tags: [op.tag],
      security: [{ bearer: [op.scope] }],
      "x-scope": op.scope,
      parameters: parameters(op, components),
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: { "application/json": { schema: convert(op.body, "input", components) } },
            },
          }
        : {}),
      responses,
    };
  }
  convert(problemSchema, "output", components);
  paths["/openapi.json"] = {
    get: {
      operationId: "getOpenApi",
      summary: "This document (no token needed)",
      tags: ["Reference"],
      security: [],
      responses: { "200": { description: "OpenAPI 3.1", content: { "application/json": {} } } },
    },
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "Keyshare API",
      version: "1.0.0",
      description:
        "Share devices from scripts. Every rule of the portal applies: a token acts as its user. " +
        "Errors are application/problem+json. Guide: docs/api.md.",
    },
    servers: [{ url: serverUrl }],
    tags: ["Devices", "Shares", "Groups", "Access", "Activity", "Reference"].map((name) => ({
      name,
    })),
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "A personal access token (ks_…) from /settings/api. Scopes: read, write.",
        },
      },
    },
  };
}
