import { and, eq } from "drizzle-orm";
import { createHash } from "node:crypto";
import { getDb } from "@/db/client";
import { shares } from "@/db/schema";

/** When sign-up is reached from a sharing link, the invited email is fixed: the link only works for it. */
export function invitedEmailForReturnPath(path: string): string | undefined {
  const m = /^\/s\/([A-Za-z0-9_-]{20,100})$/.exec(path);
  if (!m) return undefined;
  const hash = createHash("sha256").update(m[1]).digest("hex");
  const share = getDb()
    .select({ email: shares.recipientEmail })
    .from(shares)
    .where(and(eq(shares.tokenHash, hash), eq(shares.status, "pending")))
    .get();
  return share?.email;
}
