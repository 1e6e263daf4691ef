// The OpenAPI document is valid OpenAPI 3.1, and it and the route handlers under app/api/v1
// describe the same endpoints: a handler without a document entry, or an entry without a
// handler, fails here.
import { Validator } from "@seriousme/openapi-schema-validator";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApi } from "./openapi";

const ROOT = path.resolve("app/api/v1");
type Spec = Parameters<Validator["validate"]>[0];

/** "METHOD /path/{id}" for every exported handler of every route.ts under app/api/v1. */
function handlers(dir = ROOT): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...handlers(full));
    else if (entry.name === "route.ts") {
      const rel = path.relative(ROOT, dir).split(path.sep).join("/");
      const route = `/${rel}`.replace(/\[(\w+)\]/g, "{$1}");
      const text = fs.readFileSync(full, "utf8");
      for (const m of text.matchAll(
        /export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g,
      ))
        out.push(`${m[1]} ${route}`);
    }
  }
  return out.sort();
}

describe("OpenAPI document", () => {
  const doc = buildOpenApi();

  it("is valid OpenAPI 3.1", async () => {
    const validator = new Validator();
    const result = await validator.validate(doc as Spec);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    // The validator does refuse a broken document (a response without its description).
    const broken = structuredClone(doc) as {
      paths: Record<string, Record<string, { responses: Record<string, object> }>>;
    };
    broken.paths["/shares"].post.responses["201"] = { content: {} };
    expect((await new Validator().validate(broken as Spec)).valid).toBe(false);
  });

  it("lists exactly the route handlers under app/api/v1", () => {
    const documented = Object.entries(doc.paths as Record<string, object>)
      .flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`))
      .sort();
    expect(handlers().length).toBeGreaterThan(15);
    expect(documented).toEqual(handlers());
  });

  it("documents every error a client can get, and every reference resolves", () => {
    const text = JSON.stringify(doc);
    const schemas = (doc.components as { schemas: Record<string, unknown> }).schemas;
    for (const [, ref] of text.matchAll(/"#\/components\/schemas\/([^"]+)"/g))
      expect(schemas, ref).toHaveProperty(ref);
    const shares = (doc.paths as Record<string, Record<string, { responses: object }>>)["/shares"];
    expect(Object.keys(shares.post.responses)).toEqual(
      expect.arrayContaining(["201", "401", "403", "409", "422", "429"]),
    );
  });
});
