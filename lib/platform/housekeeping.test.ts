import { describe, expect, it } from "vitest";
import { emailTokens, rateLimits, userSessions } from "@/db/schema";
import { createEmailToken } from "@/lib/accounts/email-tokens";
import { SESSION_MAX_AGE_S, createSession } from "@/lib/accounts/user-sessions";
import { hit } from "@/lib/platform/rate-limit";
import { makeUser, T0, testDb } from "@/lib/sharing/test-fixtures";
import { purgeExpired } from "./housekeeping";

describe("purgeExpired", () => {
  it("drops rate-limit windows, sessions and emailed links that are over, and keeps the rest", async () => {
    const db = await testDb();
    const u = await makeUser(db);
    await hit(db, "old", { limit: 1, windowMs: 1000 }, T0);
    await hit(db, "live", { limit: 1, windowMs: 60 * 86_400_000 }, T0);
    await createSession(db, u.id, T0);
    await createEmailToken(db, { userId: u.id, purpose: "reset", now: T0 });
    const now = T0 + 2 * 3_600_000; // the reset link (1 h) is over; the session (30 days) is not
    expect(await purgeExpired(db, now)).toEqual({ rateLimits: 1, sessions: 0, emailTokens: 1 });
    expect(await purgeExpired(db, T0 + SESSION_MAX_AGE_S * 1000)).toEqual({
      rateLimits: 0,
      sessions: 1,
      emailTokens: 0,
    });
    expect((await db.select().from(rateLimits)).map((r) => r.key)).toEqual(["live"]);
    expect(await db.select().from(userSessions)).toEqual([]);
    expect(await db.select().from(emailTokens)).toEqual([]);
  });
});
