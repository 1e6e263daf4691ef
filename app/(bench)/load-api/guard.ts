// Shared by the load-test routes (scripts/load.ts): they exist only when KEYSHARE_BENCH=1,
// only for a signed-in user, and answer a refusal with a 4xx status. Anything else (a bug,
// SQLITE_BUSY) is left to throw, so the load test sees it as a 500.
import { NextResponse } from "next/server";
import { getDb, type Db } from "@/db/client";
import type { User } from "@/db/schema";
import { getCurrentUser } from "@/lib/accounts/session";
import { DomainError, RateLimitedError } from "@/lib/platform/errors";

const STATUS = {
  invalid: 422,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  rate_limited: 429,
} as const;

const notFound = () => NextResponse.json({ error: "Not found" }, { status: 404 });

/** Runs `fn` for the signed-in user with the request's JSON body; the JSON it returns is the answer. */
export async function benchRoute(
  req: Request,
  fn: (ctx: { db: Db; user: User; body: unknown; now: number }) => Promise<unknown>,
): Promise<Response> {
  if (process.env.KEYSHARE_BENCH !== "1") return notFound();
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: "Sign in first" }, { status: 401 });
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    return NextResponse.json({ error: "Malformed JSON" }, { status: 400 });
  }
  try {
    // Awaited inside the try: a refusal of the async domain must become its 4xx here.
    return NextResponse.json(await fn({ db: getDb(), user, body, now: Date.now() }), {
      headers: { "cache-control": "no-store" },
    });
  } catch (e) {
    if (e instanceof DomainError)
      return NextResponse.json(
        { error: e.message, code: e.code },
        {
          status: STATUS[e.code],
          headers: e instanceof RateLimitedError ? { "retry-after": String(e.retryAfterS) } : {},
        },
      );
    throw e;
  }
}

/** Any other method: as if the route did not exist. */
export const notFoundOutsideBench = notFound;
