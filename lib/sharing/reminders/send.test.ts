import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeDb } from "@/db/engine";
import { createTestDb, openAgain, type TestDb } from "@/tests/support/db/test-db";
import type { Db } from "@/db/client";
import { emails, shareReminders } from "@/db/schema";
import { acceptShare } from "@/lib/sharing/lifecycle";
import { cancelShare, extendShare } from "@/lib/sharing/manage-share";
import { shareDevices } from "@/lib/sharing/share-devices";
import { suspendShare } from "@/lib/sharing/suspend";
import {
  DAY,
  HOUR,
  makeDevice,
  makeUser,
  shareRequest,
  T0,
  testDb,
} from "@/lib/sharing/test-fixtures";
import { claimReminder, sendDueReminders } from "./send";

const OFFSETS = [72 * HOUR, 24 * HOUR];
const BASE = "https://keyshare.test";
let db: Db;

async function world(d: Db) {
  const alice = await makeUser(d, { email: `alice-${Math.random()}@example.com`, name: "Alice" });
  const bob = await makeUser(d, { email: `bob-${Math.random()}@example.com`, name: "Bob" });
  const dev = await makeDevice(d, { ownerId: alice.id, name: "Boiler" });
  return { alice, bob, dev };
}

/** A share made at T0 that expires `days` later, accepted unless told otherwise. */
async function shareFor(d: Db, w: Awaited<ReturnType<typeof world>>, days: number, accept = true) {
  const id = (
    await shareDevices(d, {
      sharerId: w.alice.id,
      now: T0,
      input: shareRequest({
        recipients: w.bob.email,
        deviceIds: [w.dev.id],
        expiresAt: T0 + days * DAY,
      }),
    })
  ).shares[0].shareId;
  if (accept) await acceptShare(d, { shareId: id, user: w.bob, now: T0 });
  return id;
}
const run = (d: Db, now: number) => sendDueReminders(d, { now, offsets: OFFSETS, baseUrl: BASE });
const mails = async (d: Db) => await d.select().from(emails);

beforeEach(async () => {
  db = await testDb();
});

describe("expiry reminders", () => {
  it("reminds both sides 3 days and 1 day before expiry, each once", async () => {
    const w = await world(db);
    const id = await shareFor(db, w, 10);
    expect(await run(db, T0 + 6 * DAY)).toEqual({ reminders: 0, emails: 0 });
    expect(await run(db, T0 + 7 * DAY)).toEqual({ reminders: 1, emails: 2 });
    expect(await run(db, T0 + 7 * DAY + HOUR)).toEqual({ reminders: 0, emails: 0 });
    const sent = await mails(db);
    const [toSharer, toRecipient] = [w.alice.email, w.bob.email].map((to) =>
      sent.find((m) => m.to === to)!,
    );
    expect(toSharer.subject).toMatch(/^Your share with Bob expires/);
    expect(toSharer.text).toContain(`Extend expiration:\n${BASE}/shared-by-me/${id}?extend=1`);
    expect(toSharer.html).toContain(`${BASE}/shared-by-me/${id}?extend=1`);
    expect(toRecipient.subject).toMatch(/^Your access to devices from Alice expires/);
    expect(toRecipient.text).toContain(`${BASE}/shared-with-me/${id}`);
    expect(toRecipient.text).not.toContain("extend=1");
    expect(await run(db, T0 + 9 * DAY)).toEqual({ reminders: 1, emails: 2 });
    expect(await run(db, T0 + 9 * DAY + 23 * HOUR)).toEqual({ reminders: 0, emails: 0 });
    expect(await mails(db)).toHaveLength(4);
  });

  it("sends only the most urgent reminder when several are due at once", async () => {
    const w = await world(db);
    await shareFor(db, w, 10);
    // E.g. the server was down for days: the 3-day reminder is moot now.
    expect(await run(db, T0 + 9 * DAY + HOUR)).toEqual({ reminders: 1, emails: 2 });
    expect(await run(db, T0 + 9 * DAY + 2 * HOUR)).toEqual({ reminders: 0, emails: 0 });
    expect(await db.select().from(shareReminders)).toHaveLength(2);
  });

  it("does not remind about a share made shorter than the offset", async () => {
    const w = await world(db);
    await shareFor(db, w, 2); // created with 48 h left: the 72 h reminder never makes sense
    expect(await run(db, T0 + HOUR)).toEqual({ reminders: 0, emails: 0 });
    expect(await run(db, T0 + DAY + HOUR)).toEqual({ reminders: 1, emails: 2 });
  });

  it("an extension re-arms the reminders for the new expiry", async () => {
    const w = await world(db);
    const id = await shareFor(db, w, 10);
    run(db, T0 + 9 * DAY + HOUR);
    await extendShare(db, {
      shareId: id,
      sharerId: w.alice.id,
      extendBy: 10 * DAY,
      now: T0 + 9 * DAY + 2 * HOUR,
    });
    expect(await run(db, T0 + 9 * DAY + 3 * HOUR)).toEqual({ reminders: 0, emails: 0 });
    expect(await run(db, T0 + 17 * DAY)).toEqual({ reminders: 1, emails: 2 });
    expect(await run(db, T0 + 19 * DAY + HOUR)).toEqual({ reminders: 1, emails: 2 });
    expect(await mails(db)).toHaveLength(6);
  });

  it("tells only the sharer about a pending or suspended share, nobody about an ended one", async () => {
    const w = await world(db);
    await shareFor(db, w, 10, false);
    const suspended = await shareFor(
      db,
      { ...w, dev: await makeDevice(db, { ownerId: w.alice.id }) },
      10,
    );
    await suspendShare(db, { shareId: suspended, sharerId: w.alice.id, now: T0 + DAY });
    const cancelled = await shareFor(
      db,
      { ...w, dev: await makeDevice(db, { ownerId: w.alice.id }) },
      10,
    );
    await cancelShare(db, { shareId: cancelled, sharerId: w.alice.id, now: T0 + DAY });
    expect(await run(db, T0 + 8 * DAY)).toEqual({ reminders: 2, emails: 2 });
    expect((await mails(db)).every((m) => m.to === w.alice.email)).toBe(true);
    // Past the expiry nothing is sent any more.
    const late = await world(db);
    await shareFor(db, late, 1);
    expect((await run(db, T0 + 2 * DAY)).emails).toBe(0);
  });

  it("respects the limit per round and catches up on the next", async () => {
    const w = await world(db);
    for (let i = 0; i < 3; i++)
      await shareFor(db, { ...w, dev: await makeDevice(db, { ownerId: w.alice.id }) }, 10);
    expect(
      (await sendDueReminders(db, { now: T0 + 8 * DAY, offsets: OFFSETS, baseUrl: BASE, limit: 2 }))
        .reminders,
    ).toBe(2);
    expect((await run(db, T0 + 8 * DAY)).reminders).toBe(1);
  });
});

describe("never twice, with two processes on one database", () => {
  let test: TestDb;
  let a: Db, b: Db;
  afterEach(async () => {
    await closeDb(b);
    await test.close();
  });

  it("two connections racing over the same due reminders send each exactly once", async () => {
    test = await createTestDb();
    a = test.db;
    b = openAgain(test);
    const w = await world(a);
    for (let i = 0; i < 20; i++)
      await shareFor(a, { ...w, dev: await makeDevice(a, { ownerId: w.alice.id }) }, 10);
    // Interleaved small rounds, as two servers' timers would run them.
    let sent = 0;
    for (let round = 0; round < 15; round++) {
      for (const conn of [a, b, b, a])
        sent += (
          await sendDueReminders(conn, {
            now: T0 + 8 * DAY + round,
            offsets: OFFSETS,
            baseUrl: BASE,
            limit: 3,
          })
        ).emails;
    }
    expect(sent).toBe(40);
    expect(await mails(b)).toHaveLength(40);
    expect(new Set((await mails(a)).map((m) => `${m.to}|${m.text}`)).size).toBe(40);
    // The claim itself: the same reminder claimed from both connections wins once.
    const id = await shareFor(a, { ...w, dev: await makeDevice(a, { ownerId: w.alice.id }) }, 10);
    const claims = await Promise.all([
      claimReminder(a, id, 1, T0 + 10 * DAY, T0),
      claimReminder(b, id, 1, T0 + 10 * DAY, T0),
    ]);
    expect(claims.filter((won) => won)).toEqual([true]);
  });
});
