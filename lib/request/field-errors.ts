import type { z } from "zod";

/** Messages per field; a nested field is keyed by its dotted path ("schedule.weekdays"). */
export type FieldErrors = Record<string, string[]>;

export type FlattenOptions = {
  /** Keep array indices in the key ("recipients.2"); forms leave them out (one input per list). */
  indices?: boolean;
  /** Put before every key ("query" → "query.limit"). */
  prefix?: string;
  /** Only these top-level fields keep their nested path; the others fold into the top name. */
  nestOnly?: readonly string[];
};

/**
 * The one zod-issue flattener (server actions, share validation and the REST API): every
 * message of every field, deduplicated, keyed by path so each lands beside its own input.
 * Issues of the input itself go to formErrors.
 */
export function flattenIssues(
  error: z.ZodError,
  { indices = false, prefix = "", nestOnly }: FlattenOptions = {},
): { fieldErrors: FieldErrors; formErrors: string[] } {
  const fieldErrors: FieldErrors = {};
  const formErrors: string[] = [];
  for (const issue of error.issues) {
    let path = issue.path.filter((p) => indices || typeof p !== "number").map(String);
    if (nestOnly && path.length > 1 && !nestOnly.includes(path[0])) path = path.slice(0, 1);
    const key = [prefix, ...path].filter(Boolean).join(".");
    const list = key ? (fieldErrors[key] ??= []) : formErrors;
    if (!list.includes(issue.message)) list.push(issue.message);
  }
  return { fieldErrors, formErrors };
}
