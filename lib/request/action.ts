import { z } from "zod";
import { getDb, type Db } from "@/db/client";
import { driverError } from "@/db/engine";
import type { User } from "@/db/schema";
import { getCurrentUser } from "@/lib/accounts/session";
import { DomainError } from "@/lib/platform/errors";
import { formDataToObject } from "@/lib/request/form-data";

export type FieldErrors = Record<string, string[]>;
export type ActionState<T = unknown> = {
  ok?: boolean;
  message?: string;
  errors?: FieldErrors;
  data?: T;
};

export type ActionContext = { user: User; db: Db; now: number };

/** Maps a zod failure to an error list per field (all fields, not only the first). */
export function fieldErrorsOf<T = never>(error: z.ZodError): ActionState<T> {
  const flat = z.flattenError(error);
  const errors: FieldErrors = {};
  for (const [k, v] of Object.entries(flat.fieldErrors as Record<string, string[] | undefined>)) {
    if (v?.length) errors[k] = [...new Set(v)];
  }
  return {
    ok: false,
    errors,
    message: flat.formErrors[0] ?? "Please correct the highlighted fields.",
  };
}

const NUL_MESSAGE =
  "The input contains a NUL character (\\0), which cannot be stored. Remove it and try again.";

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

function nulState<T>(field: string): ActionState<T> {
  return {
    ok: false,
    message: NUL_MESSAGE,
    errors: field ? { [field]: [NUL_MESSAGE] } : undefined,
  };
}

export function domainErrorState<T = never>(e: unknown): ActionState<T> {
  // A NUL that reached PostgreSQL another way (22021: not valid in the encoding): the
  // statement failed and its transaction rolled back; say what to change.
  if (driverError(e)?.code === "22021") return { ok: false, message: NUL_MESSAGE };
  if (e instanceof DomainError) {
    return {
      ok: false,
      message: e.message,
      errors: e.field ? { [e.field]: e.details ?? [e.message] } : undefined,
    };
  }
  // Anything else is a bug or an outage: log it, tell the user plainly, never leak details.
  console.error("[action]", e);
  return {
    ok: false,
    message: "Something went wrong on our side. Nothing was changed; please try again.",
  };
}

/**
 * Every mutation goes through here: authenticate, validate, then run the handler, which
 * authorizes the resource and calls the domain. Works with forms (FormData) and objects.
 */
export function authedAction<S extends z.ZodType, R>(
  schema: S,
  handler: (input: z.infer<S>, ctx: ActionContext) => R | Promise<R>,
) {
  return async (_prev: unknown, raw: unknown): Promise<ActionState<Awaited<R>>> => {
    const user = await getCurrentUser();
    if (!user) return { ok: false, message: "Your session has ended. Sign in again to continue." };
    const parsed = schema.safeParse(raw instanceof FormData ? formDataToObject(raw) : raw);
    if (!parsed.success) return fieldErrorsOf(parsed.error);
    const nul = fieldWithNul(parsed.data);
    if (nul !== null) return nulState(nul);
    try {
      const data = await handler(parsed.data, { user, db: getDb(), now: Date.now() });
      return { ok: true, data };
    } catch (e) {
      if (isNextControlFlow(e)) throw e;
      return domainErrorState(e);
    }
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
