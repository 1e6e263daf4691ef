// One endpoint of the reference, rendered on the server from the OpenAPI document.
type Json = Record<string, unknown>;

function SchemaBlock({ label, schema }: { label: string; schema: unknown }) {
  return (
    <details className="rounded border border-slate-200">
      <summary className="flex min-h-11 cursor-pointer items-center px-3 py-2 text-sm font-medium">
        {label}
      </summary>
      {/* Focusable: a region that scrolls sideways must be reachable from the keyboard. */}
      <pre tabIndex={0} className="overflow-x-auto bg-slate-50 p-3 text-xs">
        {JSON.stringify(schema, null, 2)}
      </pre>
    </details>
  );
}

export function OperationSection({ method, path, op }: { method: string; path: string; op: Json }) {
  const id = String(op.operationId);
  const params = (op.parameters as Json[] | undefined) ?? [];
  const body = (op.requestBody as { content: Record<string, { schema: unknown }> } | undefined)
    ?.content["application/json"]?.schema;
  const responses = Object.entries(op.responses as Record<string, Json>);
  return (
    <section
      id={id}
      aria-labelledby={`${id}-title`}
      className="space-y-3 border-t border-slate-200 pt-4"
    >
      <h3
        id={`${id}-title`}
        className="flex flex-wrap items-baseline gap-2 text-base font-semibold"
      >
        <span className="rounded bg-slate-800 px-2 py-0.5 font-mono text-xs text-white">
          {method}
        </span>
        <code className="break-all">/api/v1{path}</code>
      </h3>
      <p className="text-sm">{String(op.summary)}</p>
      {op.description ? <p className="text-sm text-slate-600">{String(op.description)}</p> : null}
      <p className="text-xs text-slate-600">Scope: {String(op["x-scope"])}</p>
      {params.length ? (
        <div
          className="overflow-x-auto"
          role="region"
          aria-label={`Parameters of ${id}`}
          tabIndex={0}
        >
          <table className="text-left text-sm">
            <caption className="sr-only">Parameters of {id}</caption>
            <thead>
              <tr>
                <th className="pr-3">Parameter</th>
                <th className="pr-3">In</th>
                <th>Meaning</th>
              </tr>
            </thead>
            <tbody>
              {params.map((p) => (
                <tr key={`${p.in}-${p.name}`} className="align-top">
                  <td className="pr-3 font-mono text-xs">
                    {String(p.name)}
                    {p.required ? " *" : ""}
                  </td>
                  <td className="pr-3">{String(p.in)}</td>
                  <td>{p.description ? String(p.description) : JSON.stringify(p.schema)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {body ? <SchemaBlock label="Request body" schema={body} /> : null}
      <ul className="space-y-1 text-sm">
        {responses.map(([status, r]) => (
          <li key={status}>
            <span className="font-mono">{status}</span> {String(r.description)}
          </li>
        ))}
      </ul>
    </section>
  );
}
