import type { Metadata } from "next";
import { OperationSection } from "@/components/api-docs/operation-section";
import { buildOpenApi } from "@/lib/api/openapi";

export const metadata: Metadata = { title: "API reference" };

type Json = Record<string, unknown>;

// Rendered here from /api/v1/openapi.json's own generator: no script, no third-party
// origin, so it works offline and under the site's CSP ('self').
export default function ApiReferencePage() {
  const doc = buildOpenApi();
  const paths = doc.paths as Record<string, Record<string, Json>>;
  const schemas = (doc.components as { schemas: Json }).schemas;
  const tags = (doc.tags as { name: string }[]).map((t) => t.name);
  const ops = Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );
  return (
    <div className="max-w-3xl space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">API reference</h1>
        <p className="text-sm text-slate-700">
          Base URL <code>/api/v1</code>, JSON. Send a token from{" "}
          <a href="/settings/api">API tokens</a> as <code>Authorization: Bearer ks_…</code>. A token
          acts as its user: every rule of the portal applies. The machine-readable document is{" "}
          <a href="/api/v1/openapi.json">openapi.json</a> (OpenAPI 3.1).
        </p>
      </div>
      <section aria-labelledby="errors" className="space-y-2 text-sm">
        <h2 id="errors" className="text-lg font-semibold">
          Errors, limits and retries
        </h2>
        <p>
          Errors are <code>application/problem+json</code> with <code>type</code>,{" "}
          <code>title</code>, <code>status</code>, <code>detail</code> and, for invalid input,{" "}
          <code>errors</code> per field.
        </p>
        <ul className="list-disc space-y-1 pl-5" id="problem-types">
          <li id="problem-unauthorized">
            401: no token, or one that is unknown, revoked or expired.
          </li>
          <li id="problem-forbidden">
            403: the token lacks the scope (Read for GET, Write for POST).
          </li>
          <li id="problem-not-found">404: not found, or not yours (the same answer).</li>
          <li id="problem-conflict">409: conflicts with the current state.</li>
          <li id="problem-invalid">
            422: invalid input; a reused Idempotency-Key with another body.
          </li>
          <li id="problem-rate-limited">
            429: too many requests for this token, or over the daily invitation emails; wait
            Retry-After seconds.
          </li>
        </ul>
        <p>
          Every POST takes an <code>Idempotency-Key</code>: the same key and body within 24 hours
          answer the first result again and change nothing. Lists answer <code>nextCursor</code>;
          pass it as <code>cursor</code> for the next page.
        </p>
      </section>
      {tags.map((tag) => (
        <section key={tag} aria-labelledby={`tag-${tag}`} className="space-y-4">
          <h2 id={`tag-${tag}`} className="text-lg font-semibold">
            {tag}
          </h2>
          {ops
            .filter((o) => (o.op.tags as string[])[0] === tag)
            .map((o) => (
              <OperationSection key={`${o.method} ${o.path}`} {...o} />
            ))}
        </section>
      ))}
      <section aria-labelledby="schemas" className="space-y-2">
        <h2 id="schemas" className="text-lg font-semibold">
          Schemas
        </h2>
        {Object.entries(schemas).map(([name, schema]) => (
          <details key={name} id={`schema-${name}`} className="rounded border border-slate-200">
            <summary className="flex min-h-11 cursor-pointer items-center px-3 py-2 font-mono text-sm">
              {name}
            </summary>
            <pre tabIndex={0} className="overflow-x-auto bg-slate-50 p-3 text-xs">
              {JSON.stringify(schema, null, 2)}
            </pre>
          </details>
        ))}
      </section>
    </div>
  );
}
