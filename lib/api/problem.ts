// Every API error is application/problem+json (RFC 9457): type, title, status, detail and,
// for invalid input, `errors` per field. The type is a link into the API reference.
import { z } from "zod";
import { flattenIssues, type FieldErrors } from "@/lib/request/field-errors";

const TITLES: Record<number, [slug: string, title: string]> = {
  400: ["bad-request", "Bad request"],
  401: ["unauthorized", "Unauthorized"],
  403: ["forbidden", "Forbidden"],
  404: ["not-found", "Not found"],
  405: ["method-not-allowed", "Method not allowed"],
  409: ["conflict", "Conflict"],
  413: ["too-large", "Request too large"],
  415: ["unsupported-media-type", "Unsupported media type"],
  422: ["invalid", "Invalid request"],
  429: ["rate-limited", "Too many requests"],
  500: ["server-error", "Server error"],
};

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.record(z.string(), z.array(z.string())).optional(),
  })
  .catchall(z.unknown())
  .meta({ id: "Problem" });

export type Problem = z.infer<typeof problemSchema>;

export function problem(
  status: number,
  detail: string,
  extra: { errors?: FieldErrors; headers?: Record<string, string>; [k: string]: unknown } = {},
): Response {
  const { headers, ...rest } = extra;
  const [slug, title] = TITLES[status] ?? ["error", "Error"];
  const body: Problem = { type: `/docs/api#problem-${slug}`, title, status, detail, ...rest };
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      "content-type": "application/problem+json",
      "cache-control": "no-store",
      ...(status === 401 ? { "www-authenticate": 'Bearer realm="keyshare"' } : {}),
      ...headers,
    },
  });
}

/**
 * Every 429 goes through here: Retry-After in whole seconds (≥ 1) until the limit's window
 * frees a place, and a detail that says when, so a script can wait and a person can read it.
 */
export function rateLimitedProblem(reason: string, retryAfterS: number, now: number): Response {
  const s = Math.max(1, Math.ceil(retryAfterS));
  const at = new Date(now + s * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
  return problem(429, `${reason} Retry-After: ${s} s (at ${at}).`, {
    headers: { "retry-after": String(s) },
  });
}

/** zod issues → one list of messages per dotted field path ("schedule.timeZone", "recipients.2"); "body" for the body itself. */
export function zodFieldErrors(error: z.ZodError, prefix = ""): FieldErrors {
  const { fieldErrors, formErrors } = flattenIssues(error, { indices: true, prefix });
  return formErrors.length ? { body: formErrors, ...fieldErrors } : fieldErrors;
}
