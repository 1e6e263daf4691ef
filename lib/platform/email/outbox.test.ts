import { describe, expect, it, vi } from "vitest";
import { closeDb, transaction } from "@/db/engine";
import type { Db } from "@/db/client";
import { freshDb } from "@/tests/support/db/fresh";
import { createTestDb, openAgain } from "@/tests/support/db/test-db";
import {
  emailBackoffMs,
  CLAIM_MS,
  countOutbox,
  deliverDue,
  listOutbox,
  MAX_ATTEMPTS,
  queueEmail,
} from "./outbox";
import { outboxTransport, type MailMessage, type MailTransport } from "./transport";

const T0 = Date.UTC(2026, 0, 1);
const msg = (n: number): MailMessage => ({
  to: `r${n}@example.com`,
  subject: `S${n}`,
  text: `t${n}`,
  html: `<p>${n}</p>`,
});

/** A fake SMTP-like transport recording what it sent; fails while `failing` is true. */
function fakeTransport(opts: { failing?: boolean; delayMs?: number } = {}) {
  const sent: MailMessage[] = [];
  const t: MailTransport & { sent: MailMessage[]; failing: boolean } = {
    kind: "smtp",
    sent,
    failing: opts.failing ?? false,
    async send(m) {
      if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
      if (t.failing) throw new Error("421 try later");
      sent.push(m);
    },
  };
  return t;
}

const row = async (db: Db, id: string) =>
  (await listOutbox(db, { limit: 500 })).find((e) => e.id === id)!;

describe("queueEmail", () => {
  it("inserts a queued row due now, and works inside a transaction", async () => {
    const db = await freshDb();
    const id = await transaction(db, (tx) => queueEmail(tx, msg(1), T0));
    expect(await row(db, id)).toMatchObject({
      status: "queued",
      attempts: 0,
      nextAttemptAt: T0,
      createdAt: T0,
      to: "r1@example.com",
    });
  });

  it("is rolled back with the caller's transaction", async () => {
    const db = await freshDb();
    await expect(async () =>
      transaction(db, async (tx) => {
        await queueEmail(tx, msg(1), T0);
        throw new Error("action failed");
      }),
    ).rejects.toThrow("action failed");
    expect(await countOutbox(db)).toBe(0);
  });
});

describe("deliverDue", () => {
  it("sends due rows and marks them sent; leaves future rows alone", async () => {
    const db = await freshDb();
    const a = await queueEmail(db, msg(1), T0);
    const later = await queueEmail(db, msg(2), T0 + 10_000);
    const t = fakeTransport();
    const report = await deliverDue(db, { now: T0 + 1, transport: t });
    expect(report).toMatchObject({ sent: 1, retrying: 0, failed: 0 });
    expect(t.sent.map((m) => m.subject)).toEqual(["S1"]);
    expect(await row(db, a)).toMatchObject({
      status: "sent",
      sentAt: T0 + 1,
      attempts: 1,
      nextAttemptAt: null,
    });
    expect((await row(db, later)).status).toBe("queued");
  });

  it("marks rows 'outbox' when there is no mail server", async () => {
    const db = await freshDb();
    const id = await queueEmail(db, msg(1), T0);
    await deliverDue(db, { now: T0, transport: outboxTransport });
    expect(await row(db, id)).toMatchObject({ status: "outbox", sentAt: T0 });
  });

  it("backs off exponentially on failure and retries when due again", async () => {
    const db = await freshDb();
    const id = await queueEmail(db, msg(1), T0);
    const t = fakeTransport({ failing: true });
    expect(await deliverDue(db, { now: T0, transport: t })).toMatchObject({ retrying: 1 });
    expect(await row(db, id)).toMatchObject({
      status: "queued",
      attempts: 1,
      lastError: "421 try later",
      nextAttemptAt: T0 + 60_000,
    });

    // Not due yet: nothing happens.
    await deliverDue(db, { now: T0 + 59_999, transport: t });
    expect((await row(db, id)).attempts).toBe(1);

    await deliverDue(db, { now: T0 + 60_000, transport: t });
    expect(await row(db, id)).toMatchObject({
      attempts: 2,
      nextAttemptAt: T0 + 60_000 + 5 * 60_000,
    });

    t.failing = false;
    await deliverDue(db, { now: T0 + 60_000 + 5 * 60_000, transport: t });
    expect(await row(db, id)).toMatchObject({ status: "sent", attempts: 3 });
    expect(t.sent).toHaveLength(1);
  });

  it("uses the 1 min, 5 min, 30 min, 2 h … schedule", () => {
    expect([1, 2, 3, 4].map(emailBackoffMs)).toEqual([60_000, 300_000, 1_800_000, 7_200_000]);
    expect(emailBackoffMs(5)).toBeGreaterThan(emailBackoffMs(4));
    expect(emailBackoffMs(50)).toBe(emailBackoffMs(7));
  });

  it("gives up after 8 attempts", async () => {
    const db = await freshDb();
    const id = await queueEmail(db, msg(1), T0);
    const t = fakeTransport({ failing: true });
    let now = T0;
    for (let i = 1; i <= MAX_ATTEMPTS; i++) {
      await deliverDue(db, { now, transport: t });
      expect((await row(db, id)).attempts).toBe(i);
      now = (await row(db, id)).nextAttemptAt ?? now;
    }
    expect(await row(db, id)).toMatchObject({ status: "failed", attempts: 8, nextAttemptAt: null });
    const report = await deliverDue(db, { now: now + 365 * 86_400_000, transport: t });
    expect(report).toMatchObject({ sent: 0, retrying: 0, failed: 0 });
    expect((await row(db, id)).attempts).toBe(8);
  });

  it("never sends a row twice when two rounds run concurrently", async () => {
    const db = await freshDb();
    for (let i = 0; i < 10; i++) await queueEmail(db, msg(i), T0);
    const t = fakeTransport({ delayMs: 5 });
    const [r1, r2] = await Promise.all([
      deliverDue(db, { now: T0, transport: t }),
      deliverDue(db, { now: T0, transport: t }),
    ]);
    expect(r1.sent + r2.sent).toBe(10);
    expect(t.sent).toHaveLength(10);
    expect(new Set(t.sent.map((m) => m.subject)).size).toBe(10);
  });

  describe("two handles on one database (two processes)", () => {
    it("each row is claimed by exactly one of them", async () => {
      const test = await createTestDb();
      const db1 = test.db;
      const db2 = openAgain(test);
      try {
        for (let i = 0; i < 6; i++) await queueEmail(db1, msg(i), T0);
        const t = fakeTransport({ delayMs: 3 });
        await Promise.all([
          deliverDue(db1, { now: T0, transport: t }),
          deliverDue(db2, { now: T0, transport: t }),
        ]);
        expect(t.sent).toHaveLength(6);
        expect(new Set(t.sent.map((m) => m.to)).size).toBe(6);
      } finally {
        await closeDb(db2);
        await test.close();
      }
    });
  });

  it("lets an abandoned claim be picked up again after it expires", async () => {
    const db = await freshDb();
    const id = await queueEmail(db, msg(1), T0);
    // A crashed deliverer: the row was claimed but the send never finished.
    void deliverDue(db, {
      now: T0,
      transport: { kind: "smtp", send: () => new Promise(() => {}) },
    });
    await vi.waitFor(async () => expect((await row(db, id)).nextAttemptAt).toBe(T0 + CLAIM_MS));
    const t = fakeTransport();
    await deliverDue(db, { now: T0 + CLAIM_MS - 1, transport: t });
    expect(t.sent).toHaveLength(0);
    await deliverDue(db, { now: T0 + CLAIM_MS, transport: t });
    expect((await row(db, id)).status).toBe("sent");
  });

  it("never throws, even when the database is closed", async () => {
    const test = await createTestDb(); // its own: closing it leaves the file's freshDb() open
    try {
      await queueEmail(test.db, msg(1), T0);
      await closeDb(test.db);
      await expect(
        deliverDue(test.db, { now: T0, transport: fakeTransport() }),
      ).resolves.toMatchObject({ sent: 0 });
    } finally {
      await test.close();
    }
  });
});

describe("listOutbox", () => {
  it("lists newest first with paging", async () => {
    const db = await freshDb();
    for (let i = 0; i < 5; i++) await queueEmail(db, msg(i), T0 + i);
    await queueEmail(db, msg(5), T0 + 4); // same timestamp: insertion order breaks the tie
    expect((await listOutbox(db, { limit: 3 })).map((e) => e.subject)).toEqual(["S5", "S4", "S3"]);
    expect((await listOutbox(db, { limit: 3, offset: 3 })).map((e) => e.subject)).toEqual([
      "S2",
      "S1",
      "S0",
    ]);
    expect(await countOutbox(db)).toBe(6);
  });
});
