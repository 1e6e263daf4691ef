// Calls /api/v1 route handlers in-process, the way Next calls them: a Request and the
// route's params. The module under app/api/v1 is imported by its path.
import path from "node:path";

type Handler = (
  req: Request,
  ctx: { params: Promise<Record<string, string>> },
) => Promise<Response>;

/** "/shares/{id}/accept" → "app/api/v1/shares/[id]/accept/route.ts". */
export function routeFile(template: string): string {
  const rel = template.replace(/\{(\w+)\}/g, "[$1]");
  return path.resolve("app/api/v1", `.${rel}`, "route.ts");
}

export type ApiResult = { status: number; type: string; body: unknown; headers: Headers };

export async function callApi(
  method: "GET" | "POST" | "PATCH" | "DELETE",
  template: string,
  opts: {
    params?: Record<string, string>;
    query?: Record<string, string>;
    token?: string | null;
    body?: unknown;
    rawBody?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<ApiResult> {
  const mod = (await import(routeFile(template))) as Record<string, Handler>;
  const handler = mod[method];
  if (!handler) throw new Error(`${method} ${template} has no handler`);
  let p = template;
  for (const [k, v] of Object.entries(opts.params ?? {}))
    p = p.replace(`{${k}}`, encodeURIComponent(v));
  const url = new URL(`http://localhost/api/v1${p}`);
  for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, v);
  const headers = new Headers(opts.headers);
  if (opts.token) headers.set("authorization", `Bearer ${opts.token}`);
  let body: string | undefined;
  if (method !== "GET") {
    body = opts.rawBody ?? JSON.stringify(opts.body ?? {});
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const res = await handler(new Request(url, { method, headers, body }), {
    params: Promise.resolve(opts.params ?? {}),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return {
    status: res.status,
    type: res.headers.get("content-type") ?? "",
    body: parsed,
    headers: res.headers,
  };
}
