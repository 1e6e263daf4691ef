import { describe, expect, it } from "vitest";
import { transaction } from "@/db/engine";
import { emailTokens, rateLimits, userSessions, webhookDeliveries } from "@/db/schema";
import { createEmailToken } from "@/lib/accounts/email-tokens";
import { SESSION_MAX_AGE_S, createSession } from "@/lib/accounts/user-sessions";
import { storeAnswer } from "@/lib/api/idempotency";
import { hit } from "@/lib/platform/rate-limit";
import { DAY, makeUser, T0, testDb } from "@/lib/sharing/test-fixtures";
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { DELIVERY_LOG_MS } from "@/lib/webhooks/outbox";
import { purgeExpired } from "./housekeeping";

describe("purgeExpired", () => {
  it("drops rate-limit windows, sessions, emailed links and idempotency answers that are over, and keeps the rest", async () => {
    const db = await testDb();
    const u = await makeUser(db);
    await hit(db, "old", { limit: 1, windowMs: 1000 }, T0);
    await hit(db, "live", { limit: 1, windowMs: 60 * 86_400_000 }, T0);
    await createSession(db, u.id, T0);
    await createEmailToken(db, { userId: u.id, purpose: "reset", now: T0 });
    const answer = { requestHash: "h", status: 201, body: "{}" };
    await transaction(db, (tx) => storeAnswer(tx, { userId: u.id, key: "k1", answer, now: T0 }));
    const now = T0 + 2 * 3_600_000; // the reset link (1 h) is over; the session (30 days) is not
    expect(await purgeExpired(db, now)).toEqual({
      rateLimits: 1,
      sessions: 0,
      emailTokens: 1,
      idempotencyKeys: 0,
      webhookDeliveries: 0,
    });
    expect(await purgeExpired(db, T0 + SESSION_MAX_AGE_S * 1000)).toEqual({
      rateLimits: 0,
      sessions: 1,
      emailTokens: 0,
      idempotencyKeys: 1, // an Idempotency-Key answer is replayed for 24 h only
      webhookDeliveries: 0,
    });
    expect((await db.select().from(rateLimits)).map((r) => r.key)).toEqual(["live"]);
    expect(await db.select().from(userSessions)).toEqual([]);
    expect(await db.select().from(emailTokens)).toEqual([]);
  });
});

describe("purgeWebhookDeliveries", () => {
  it("drops finished deliveries after 30 days and keeps pending ones whatever their age", async () => {
    const db = await testDb();
    const u = await makeUser(db);
    const { endpoint } = await createWebhookEndpoint(db, {
      userId: u.id,
      url: "https://hooks.example.test/x",
      events: ["share.created"],
      now: T0,
    });
    const row = (id: string, status: "pending" | "delivered" | "failed") => ({
      id,
      endpointId: endpoint.id,
      eventId: `e-${id}`,
      type: "share.created",
      payload: "{}",
      status,
      attempts: 1,
      nextAttemptAt: T0,
      giveUpAt: T0 + DAY,
      createdAt: T0,
    });
    await transaction(db, async (tx) => {
      await tx
        .insert(webhookDeliveries)
        .values([row("a", "delivered"), row("b", "failed"), row("c", "pending")]);
    });
    expect((await purgeExpired(db, T0 + DELIVERY_LOG_MS - 1)).webhookDeliveries).toBe(0);
    expect((await purgeExpired(db, T0 + DELIVERY_LOG_MS)).webhookDeliveries).toBe(2);
    expect((await db.select().from(webhookDeliveries)).map((r) => r.id)).toEqual(["c"]);
  });
});
