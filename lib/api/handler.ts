// The one wrapper every /api/v1 route handler goes through: authenticate the bearer token
// (one indexed lookup), rate-limit it, check the scope, validate parameters, query and body
// with the operation's zod schemas, then run the handler and map domain refusals to
// problem+json. Writes (POST, PATCH, DELETE) run in one transaction that also stores the
// Idempotency-Key answer.
import { z } from "zod";
import { getDb } from "@/db/client";
import { type Conn, transaction } from "@/db/engine";
import type { User } from "@/db/schema";
import { DomainError, RateLimitedError } from "@/lib/platform/errors";
import { ShareConflictError } from "@/lib/sharing/share-store";
import { ShareValidationError } from "@/lib/sharing/validation";
import {
  IDEMPOTENCY_KEY_SHAPE,
  findAnswer,
  requestHash,
  storeAnswer,
  type StoredAnswer,
} from "./idempotency";
import type { ApiOperation } from "./operation";
import { problem, rateLimitedProblem, zodFieldErrors } from "./problem";
import { takeApiRequest } from "./rate-limit";
import { authenticateToken, bearerToken, type TokenAuth } from "./tokens";

export const MAX_BODY_BYTES = 2_000_000;

type Infer<S> = S extends z.ZodType ? z.output<S> : undefined;
export type ApiContext<Op extends ApiOperation> = {
  user: User;
  auth: TokenAuth;
  db: Conn;
  now: number;
  params: Infer<Op["params"]>;
  query: Infer<Op["query"]>;
  body: Infer<Op["body"]>;
  url: URL;
};
/** `after` runs once the write has committed, on the root database (e.g. notifications). */
export type ApiAnswer = {
  status?: number;
  body: unknown;
  after?: (db: Conn) => void | Promise<void>;
};
type RouteArgs = { params: Promise<Record<string, string | string[]>> };

function json(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store", ...headers },
  });
}

/**
 * Domain refusals keep their message; the status says what kind of refusal it is. A limit
 * (429) also says when to try again, from the window the domain counted in.
 */
export function problemFromError(e: unknown, now = Date.now()): Response {
  if (e instanceof ShareValidationError) {
    return problem(422, e.formErrors[0] ?? e.message, { errors: e.fieldErrors });
  }
  if (e instanceof ShareConflictError) {
    return problem(409, e.message, { conflicts: e.conflicts });
  }
  if (e instanceof z.ZodError) {
    return problem(422, "Please correct the fields listed in errors.", {
      errors: zodFieldErrors(e),
    });
  }
  if (e instanceof RateLimitedError) return rateLimitedProblem(e.message, e.retryAfterS, now);
  if (e instanceof DomainError) {
    const status = {
      invalid: 422,
      not_found: 404,
      conflict: 409,
      forbidden: 403,
      rate_limited: 429,
    }[e.code];
    const errors = e.field && status === 422 ? { [e.field]: e.details ?? [e.message] } : undefined;
    return problem(status, e.message, errors ? { errors } : {});
  }
  console.error("[api]", e);
  return problem(500, "Something went wrong on our side. Nothing was changed; please try again.");
}

async function readBody(req: Request): Promise<{ raw: string; value: unknown } | Response> {
  const type = req.headers.get("content-type") ?? "";
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) return problem(413, `The body is over ${MAX_BODY_BYTES} bytes.`);
  const raw = await req.text();
  if (Buffer.byteLength(raw) > MAX_BODY_BYTES)
    return problem(413, `The body is over ${MAX_BODY_BYTES} bytes.`);
  if (raw.trim() === "") return { raw: "", value: {} };
  if (!/^application\/(.+\+)?json\b/i.test(type))
    return problem(415, "Send the body as JSON with Content-Type: application/json.");
  try {
    return { raw, value: JSON.parse(raw) };
  } catch {
    return problem(400, "The body is not valid JSON.");
  }
}

function parseInto<S extends z.ZodType | undefined>(
  schema: S,
  value: unknown,
  prefix: string,
): { ok: true; data: Infer<S> } | { ok: false; response: Response } {
  if (!schema) return { ok: true, data: undefined as Infer<S> };
  const r = schema.safeParse(value);
  if (r.success) return { ok: true, data: r.data as Infer<S> };
  return {
    ok: false,
    response: problem(422, "Please correct the fields listed in errors.", {
      errors: zodFieldErrors(r.error, prefix),
    }),
  };
}

/** Query string → object; a repeated name keeps its last value. */
const queryObject = (url: URL) => Object.fromEntries(url.searchParams.entries());

/** Who is calling: the token's user, or the problem to answer (401/429/403). */
export async function authorize(
  req: Request,
  scope: ApiOperation["scope"],
  db: Conn,
  now: number,
): Promise<TokenAuth | Response> {
  const token = bearerToken(req.headers.get("authorization"));
  if (!token) return problem(401, "Send an API token as Authorization: Bearer <token>.");
  const auth = await authenticateToken(db, token, now);
  if (!auth) return problem(401, "This token is not valid: it is unknown, revoked or expired.");
  const limited = await takeApiRequest(db, auth.tokenId, now);
  if (!limited.ok)
    return rateLimitedProblem("Too many requests for this token.", limited.retryAfterS, now);
  if (!auth.scopes.includes(scope))
    return problem(403, `This token lacks the "${scope}" scope.`, { scope });
  return auth;
}

export function apiRoute<Op extends ApiOperation>(
  op: Op,
  handler: (ctx: ApiContext<Op>) => ApiAnswer | Promise<ApiAnswer>,
) {
  return async (req: Request, route?: RouteArgs): Promise<Response> => {
    const db = getDb();
    const now = Date.now();
    try {
      const auth = await authorize(req, op.scope, db, now);
      if (auth instanceof Response) return auth;
      const url = new URL(req.url);
      const params = parseInto(op.params, (await route?.params) ?? {}, "");
      if (!params.ok) return params.response;
      const query = parseInto(op.query, queryObject(url), "");
      if (!query.ok) return query.response;
      let raw = "";
      let bodyValue: unknown = undefined;
      if (op.method !== "GET") {
        const read = await readBody(req);
        if (read instanceof Response) return read;
        ({ raw, value: bodyValue } = read);
      }
      const body = parseInto(op.body, bodyValue, "");
      if (!body.ok) return body.response;
      const ctx = {
        user: auth.user,
        auth,
        db,
        now,
        url,
        params: params.data,
        query: query.data,
        body: body.data,
      } as ApiContext<Op>;
      if (op.method === "GET") {
        const answer = await handler(ctx);
        return json(answer.status ?? op.status ?? 200, JSON.stringify(answer.body));
      }
      return await runWrite(req, op, ctx, raw, handler);
    } catch (e) {
      return problemFromError(e, now);
    }
  };
}

/** Another request with the same key committed first (PostgreSQL: both ran at once). */
class KeyTakenError extends Error {}

/**
 * A write and its Idempotency-Key answer commit together, in one transaction() that the
 * domain's own transactions join. Only successful answers are stored: a refused request
 * wrote nothing, so running it again is harmless. Two requests with one key at once: on
 * SQLite the writer lock runs them one after the other, so the second finds the answer; on
 * PostgreSQL the second either stops at the first's row locks and is refused by what the
 * first did, or its insert of the key waits on the unique index and finds a live answer:
 * either way it rolls its own work back and replays the first answer.
 */
async function runWrite<Op extends ApiOperation>(
  req: Request,
  op: Op,
  ctx: ApiContext<Op>,
  raw: string,
  handler: (c: ApiContext<Op>) => ApiAnswer | Promise<ApiAnswer>,
): Promise<Response> {
  const key = req.headers.get("idempotency-key");
  if (key != null && !IDEMPOTENCY_KEY_SHAPE.test(key))
    return problem(422, "Idempotency-Key must be 1 to 200 visible ASCII characters.", {
      errors: { "Idempotency-Key": ["Use 1 to 200 visible ASCII characters."] },
    });
  const hash = requestHash(op.method, ctx.url.pathname, raw);
  const { db, user, now } = ctx;
  type Outcome = { replay: boolean; answer: StoredAnswer; after?: ApiAnswer["after"] };
  let outcome: Outcome;
  try {
    outcome = await transaction(db, async (tx): Promise<Outcome> => {
      const prior = key ? await findAnswer(tx, user.id, key, now) : null;
      if (prior) return { replay: true, answer: prior };
      const result = await handler({ ...ctx, db: tx });
      const answer = {
        requestHash: hash,
        status: result.status ?? op.status ?? 200,
        body: JSON.stringify(result.body),
      };
      if (key && !(await storeAnswer(tx, { userId: user.id, key, answer, now })))
        throw new KeyTakenError();
      return { replay: false, answer, after: result.after };
    });
  } catch (e) {
    // A request with the same key may have committed meanwhile; its changes can also be why
    // this one was refused (e.g. a 409 on the share it just made). Its answer is the answer.
    const first = key ? await findAnswer(db, user.id, key, now) : null;
    if (!first) throw e;
    outcome = { replay: true, answer: first };
  }
  if (outcome.replay && outcome.answer.requestHash !== hash)
    return problem(
      422,
      "This Idempotency-Key was already used with another request. Use a new key for a new request.",
      { errors: { "Idempotency-Key": ["Already used with another request."] } },
    );
  await outcome.after?.(db);
  return json(
    outcome.answer.status,
    outcome.answer.body,
    outcome.replay ? { "idempotent-replayed": "true" } : {},
  );
}
