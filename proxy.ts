import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { LINK_STATE_HTTP, linkState } from "@/lib/sharing/links/link-state";
import { resolveLink } from "@/lib/sharing/lifecycle";
import { ipFromHeaders } from "@/lib/request/client-ip";
import { LIMITS, hit, tooMany } from "@/lib/platform/rate-limit";
import { resolveMemberLink } from "@/lib/groups/notify";

/**
 * Sharing links that no longer work answer with a real status — 410 when used, declined or
 * expired, 404 when unknown or cancelled (indistinguishable to outsiders) — which a page
 * component cannot set by itself.
 */
export async function proxy(req: NextRequest) {
  const token = req.nextUrl.pathname.split("/")[2] ?? "";
  if (req.method !== "GET" || !token) return NextResponse.next();
  const db = getDb();
  const now = Date.now();
  // Link pages are the one unauthenticated way in: limit guessing per address.
  const limited = await hit(db, `link:ip:${ipFromHeaders(req.headers)}`, LIMITS.linkPerIp, now);
  if (!limited.ok) {
    return new NextResponse(tooMany(limited.retryAfterS), {
      status: 429,
      headers: {
        "Retry-After": String(limited.retryAfterS),
        "Content-Type": "text/plain; charset=utf-8",
      },
    });
  }
  // A group member's link (/g/<token>, lib/groups): open while the member is in a live group.
  if (req.nextUrl.pathname.startsWith("/g/")) {
    const member = await resolveMemberLink(db, token);
    if (member) return NextResponse.next();
    return NextResponse.rewrite(new URL("/link-gone/invalid", req.url), {
      status: LINK_STATE_HTTP.invalid,
    });
  }
  const state = linkState(await resolveLink(db, token, now));
  if (state === "open") return NextResponse.next();
  return NextResponse.rewrite(new URL(`/link-gone/${state}`, req.url), {
    status: LINK_STATE_HTTP[state],
  });
}

export const config = { matcher: ["/s/:token", "/g/:token"] };
