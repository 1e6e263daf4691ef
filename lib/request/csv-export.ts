import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import type { User } from "@/db/schema";
import { getCurrentUser } from "@/lib/accounts/session";
import { csvResponse } from "@/lib/platform/csv";
import type { SearchParams } from "@/lib/request/search-params";

/**
 * The common shape of every CSV export route: signed-in users only (others are sent to
 * sign in and brought back), filters from the query string, never cached.
 */
export async function csvExport(
  req: NextRequest,
  name: string,
  build: (user: User, sp: SearchParams, now: number) => string | Promise<string>,
): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) {
    const back = `${req.nextUrl.pathname}${req.nextUrl.search}`;
    return NextResponse.redirect(
      new URL(`/sign-in?callbackUrl=${encodeURIComponent(back)}`, req.url),
    );
  }
  const sp: SearchParams = Object.fromEntries(req.nextUrl.searchParams.entries());
  const now = Date.now();
  const day = new Date(now).toISOString().slice(0, 10);
  return csvResponse(await build(user, sp, now), `keyshare-${name}-${day}.csv`);
}
