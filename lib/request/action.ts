import { z } from "zod";
import { getDb, type Db } from "@/db/client";
import { driverError } from "@/db/engine";
import type { User } from "@/db/schema";
import { getCurrentUser } from "@/lib/accounts/session";
import { DomainError } from "@/lib/platform/errors";
import { formDataToObject } from "@/lib/request/form-data";
import { flattenIssues, type FieldErrors } from "@/lib/request/field-errors";

export type { FieldErrors };
/** What was submitted, echoed back so a refused form can show it again (never a secret). */
export type FormValues = Record<string, unknown>;

/** The one answer of every server action. */
export type ActionState<T = unknown> = {
  ok: boolean;
  message?: string;
  /** Keyed by field name or dotted path ("schedule.weekdays"). */
  fieldErrors?: FieldErrors;
  values?: FormValues;
  data?: T;
};

export type ActionContext = { user: User; db: Db; now: number };
export type PublicContext = { db: Db; now: number };

/** A refusal with several fields (or extra data, e.g. the conflicting shares) for the form. */
export class Refusal<D = unknown> extends DomainError {
  constructor(
    message: string,
    readonly fieldErrors?: FieldErrors,
    readonly data?: D,
  ) {
    super(message, undefined, "invalid");
    this.name = "Refusal";
  }
}

/** A success that also has something to say (e.g. "we have sent a link"). */
export class Reply<T> {
  constructor(
    readonly data: T,
    readonly message: string,
  ) {}
}

const SIGNED_OUT = "Your session has ended. Sign in again to continue.";
const CORRECT_FIELDS = "Please correct the highlighted fields.";
const NUL_MESSAGE =
  "The input contains a NUL character (\\0), which cannot be stored. Remove it and try again.";

/** Maps a zod failure to an error list per field path (all fields, not only the first). */
export function fieldErrorsOf<T = never>(error: z.ZodError): ActionState<T> {
  const { fieldErrors, formErrors } = flattenIssues(error);
  return { ok: false, fieldErrors, message: formErrors[0] ?? CORRECT_FIELDS };
}

/**
 * The top-level field whose value holds a NUL character (U+0000) anywhere inside, or null.
 * PostgreSQL cannot store one in text at all; no field needs one; so it is refused on both
 * engines alike, before anything is read or written.
 */
export function fieldWithNul(input: unknown): string | null {
  const has = (v: unknown, depth: number): boolean =>
    typeof v === "string"
      ? v.includes("\u0000")
      : depth < 8 && typeof v === "object" && v !== null
        ? Object.values(v).some((x) => has(x, depth + 1))
        : false;
  if (typeof input === "string") return has(input, 0) ? "" : null;
  if (typeof input !== "object" || input === null) return null;
  for (const [k, v] of Object.entries(input)) if (has(v, 0)) return k;
  return null;
}

/** Names never echoed: a refused form must not send a password or secret back over the wire. */
const SECRET = /password|secret|token/i;

/** The submitted values, minus secrets and files, for the form to show again. */
export function echoValues(raw: unknown): FormValues | undefined {
  const clean = (v: unknown, depth: number): unknown => {
    if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v === null)
      return v;
    if (depth > 4 || typeof v !== "object" || (typeof File !== "undefined" && v instanceof File))
      return undefined;
    // A list that long was not typed (10,000 selected device ids): not worth sending back.
    if (Array.isArray(v))
      return v.length > 1000
        ? undefined
        : v.map((x) => clean(x, depth + 1)).filter((x) => x !== undefined);
    const out: FormValues = {};
    for (const [k, x] of Object.entries(v)) {
      if (SECRET.test(k) || k.startsWith("$ACTION")) continue;
      const c = clean(x, depth + 1);
      if (c !== undefined) out[k] = c;
    }
    return out;
  };
  const values = clean(raw instanceof FormData ? formDataToObject(raw) : raw, 0);
  return values && typeof values === "object" && !Array.isArray(values)
    ? (values as FormValues)
    : undefined;
}

export function domainErrorState<T = never>(e: unknown): ActionState<T> {
  // A NUL that reached PostgreSQL another way (22021: not valid in the encoding): the
  // statement failed and its transaction rolled back; say what to change.
  if (driverError(e)?.code === "22021") return { ok: false, message: NUL_MESSAGE };
  if (e instanceof Refusal)
    return { ok: false, message: e.message, fieldErrors: e.fieldErrors, data: e.data as T };
  if (e instanceof DomainError) {
    return {
      ok: false,
      message: e.message,
      fieldErrors: e.field ? { [e.field]: e.details ?? [e.message] } : undefined,
    };
  }
  // Anything else is a bug or an outage: log it, tell the user plainly, never leak details.
  console.error("[action]", e);
  return {
    ok: false,
    message: "Something went wrong on our side. Nothing was changed; please try again.",
  };
}

/** redirect() and notFound() work by throwing; they must pass through. */
export function isNextControlFlow(e: unknown): boolean {
  const digest = (e as { digest?: unknown } | null)?.digest;
  return (
    typeof digest === "string" &&
    (digest.startsWith("NEXT_REDIRECT") ||
      digest.startsWith("NEXT_HTTP_ERROR_FALLBACK") ||
      digest === "NEXT_NOT_FOUND")
  );
}

type Handler<S extends z.ZodType, C, R> = (input: z.infer<S>, ctx: C) => R | Promise<R>;
type Unwrap<R> = Awaited<R> extends Reply<infer T> ? T : Awaited<R>;

/** Validate, refuse NULs, run, and map what the handler throws; redirects pass through. */
async function run<S extends z.ZodType, C, R>(
  schema: S,
  input: unknown,
  values: FormValues | undefined,
  ctx: () => C,
  handler: Handler<S, C, R>,
): Promise<ActionState<Unwrap<R>>> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ...fieldErrorsOf(parsed.error), values };
  const nul = fieldWithNul(parsed.data);
  if (nul !== null)
    return {
      ok: false,
      message: NUL_MESSAGE,
      fieldErrors: nul ? { [nul]: [NUL_MESSAGE] } : undefined,
      values,
    };
  try {
    const out = await handler(parsed.data, ctx());
    return out instanceof Reply
      ? { ok: true, message: out.message, data: out.data as Unwrap<R> }
      : { ok: true, data: out as Unwrap<R> };
  } catch (e) {
    if (isNextControlFlow(e)) throw e;
    return { ...domainErrorState<Unwrap<R>>(e), values };
  }
}

/**
 * Every signed-in mutation goes through here: authenticate, validate, then run the handler,
 * which authorizes the resource and calls the domain. Works with forms (FormData) and objects.
 */
export function authedAction<S extends z.ZodType, R>(
  schema: S,
  handler: Handler<S, ActionContext, R>,
) {
  return async (_prev: unknown, raw: unknown): Promise<ActionState<Unwrap<R>>> => {
    const values = echoValues(raw);
    const user = await getCurrentUser();
    if (!user) return { ok: false, message: SIGNED_OUT, values };
    const input = raw instanceof FormData ? formDataToObject(raw) : raw;
    return run(schema, input, values, () => ({ user, db: getDb(), now: Date.now() }), handler);
  };
}

/**
 * The doors open to everyone (sign-in, sign-up, forgot and reset password, sign-out). They
 * take forms only: anything else a crafted request sends is read as an empty form (not a 500).
 */
export function publicAction<S extends z.ZodType, R>(
  schema: S,
  handler: Handler<S, PublicContext, R>,
) {
  return async (_prev: unknown, raw: unknown): Promise<ActionState<Unwrap<R>>> => {
    const input = raw instanceof FormData ? formDataToObject(raw) : {};
    return run(schema, input, echoValues(input), () => ({ db: getDb(), now: Date.now() }), handler);
  };
}
