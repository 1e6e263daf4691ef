import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/accounts/session";
import { liveVersion } from "@/lib/sharing/live-version";

export async function GET(req: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: "Not found" }, { status: 404 });
  const scope = req.nextUrl.searchParams.get("scope") === "recipient" ? "recipient" : "sharer";
  const version = await liveVersion(getDb(), { user, scope, now: Date.now() });
  return NextResponse.json({ version }, { headers: { "cache-control": "no-store" } });
}
