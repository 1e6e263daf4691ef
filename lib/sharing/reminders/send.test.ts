import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
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

function world(d: Db) {
  const alice = makeUser(d, { email: `alice-${Math.random()}@example.com`, name: "Alice" });
  const bob = makeUser(d, { email: `bob-${Math.random()}@example.com`, name: "Bob" });
  const dev = makeDevice(d, { ownerId: alice.id, name: "Boiler" });
  return { alice, bob, dev };
}

/** A share made at T0 that expires `days` later, accepted unless told otherwise. */
function shareFor(d: Db, w: ReturnType<typeof world>, days: number, accept = true) {
  const id = shareDevices(d, {
    sharerId: w.alice.id,
    now: T0,
    input: shareRequest({
      recipients: w.bob.email,
      deviceIds: [w.dev.id],
      expiresAt: T0 + days * DAY,
    }),
  }).shares[0].shareId;
  if (accept) acceptShare(d, { shareId: id, user: w.bob, now: T0 });
  return id;
}
const run = (d: Db, now: number) => sendDueReminders(d, { now, offsets: OFFSETS, baseUrl: BASE });
const mails = (d: Db) => d.select().from(emails).all();

beforeEach(() => {
  db = testDb();
});

describe("expiry reminders", () => {
  it("reminds both sides 3 days and 1 day before expiry, each once", () => {
    const w = world(db);
    const id = shareFor(db, w, 10);
    expect(run(db, T0 + 6 * DAY)).toEqual({ reminders: 0, emails: 0 });
    expect(run(db, T0 + 7 * DAY)).toEqual({ reminders: 1, emails: 2 });
    expect(run(db, T0 + 7 * DAY + HOUR)).toEqual({ reminders: 0, emails: 0 });
    const [toSharer, toRecipient] = [w.alice.email, w.bob.email].map((to) =>
      mails(db).find((m) => m.to === to)!,
    );
    expect(toSharer.subject).toMatch(/^Your share with Bob expires/);
    expect(toSharer.text).toContain(`Extend expiration:\n${BASE}/shared-by-me/${id}?extend=1`);
    expect(toSharer.html).toContain(`${BASE}/shared-by-me/${id}?extend=1`);
    expect(toRecipient.subject).toMatch(/^Your access to devices from Alice expires/);
    expect(toRecipient.text).toContain(`${BASE}/shared-with-me/${id}`);
    expect(toRecipient.text).not.toContain("extend=1");
    expect(run(db, T0 + 9 * DAY)).toEqual({ reminders: 1, emails: 2 });
    expect(run(db, T0 + 9 * DAY + 23 * HOUR)).toEqual({ reminders: 0, emails: 0 });
    expect(mails(db)).toHaveLength(4);
  });

  it("sends only the most urgent reminder when several are due at once", () => {
    const w = world(db);
    shareFor(db, w, 10);
    // E.g. the server was down for days: the 3-day reminder is moot now.
    expect(run(db, T0 + 9 * DAY + HOUR)).toEqual({ reminders: 1, emails: 2 });
    expect(run(db, T0 + 9 * DAY + 2 * HOUR)).toEqual({ reminders: 0, emails: 0 });
    expect(db.select().from(shareReminders).all()).toHaveLength(2);
  });

  it("does not remind about a share made shorter than the offset", () => {
    const w = world(db);
    shareFor(db, w, 2); // created with 48 h left: the 72 h reminder never makes sense
    expect(run(db, T0 + HOUR)).toEqual({ reminders: 0, emails: 0 });
    expect(run(db, T0 + DAY + HOUR)).toEqual({ reminders: 1, emails: 2 });
  });

  it("an extension re-arms the reminders for the new expiry", () => {
    const w = world(db);
    const id = shareFor(db, w, 10);
    run(db, T0 + 9 * DAY + HOUR);
    extendShare(db, {
      shareId: id,
      sharerId: w.alice.id,
      extendBy: 10 * DAY,
      now: T0 + 9 * DAY + 2 * HOUR,
    });
    expect(run(db, T0 + 9 * DAY + 3 * HOUR)).toEqual({ reminders: 0, emails: 0 });
    expect(run(db, T0 + 17 * DAY)).toEqual({ reminders: 1, emails: 2 });
    expect(run(db, T0 + 19 * DAY + HOUR)).toEqual({ reminders: 1, emails: 2 });
    expect(mails(db)).toHaveLength(6);
  });

  it("tells only the sharer about a pending or suspended share, nobody about an ended one", () => {
    const w = world(db);
    shareFor(db, w, 10, false);
    const suspended = shareFor(db, { ...w, dev: makeDevice(db, { ownerId: w.alice.id }) }, 10);
    suspendShare(db, { shareId: suspended, sharerId: w.alice.id, now: T0 + DAY });
    const cancelled = shareFor(db, { ...w, dev: makeDevice(db, { ownerId: w.alice.id }) }, 10);
    cancelShare(db, { shareId: cancelled, sharerId: w.alice.id, now: T0 + DAY });
    expect(run(db, T0 + 8 * DAY)).toEqual({ reminders: 2, emails: 2 });
    expect(mails(db).every((m) => m.to === w.alice.email)).toBe(true);
    // Past the expiry nothing is sent any more.
    const late = world(db);
    shareFor(db, late, 1);
    expect(run(db, T0 + 2 * DAY).emails).toBe(0);
  });

  it("respects the limit per round and catches up on the next", () => {
    const w = world(db);
    for (let i = 0; i < 3; i++)
      shareFor(db, { ...w, dev: makeDevice(db, { ownerId: w.alice.id }) }, 10);
    expect(
      sendDueReminders(db, { now: T0 + 8 * DAY, offsets: OFFSETS, baseUrl: BASE, limit: 2 })
        .reminders,
    ).toBe(2);
    expect(run(db, T0 + 8 * DAY).reminders).toBe(1);
  });
});

describe("never twice, with two processes on one database", () => {
  let dir: string;
  let a: Db, b: Db;
  afterEach(() => {
    a?.$client.close();
    b?.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("two connections racing over the same due reminders send each exactly once", () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "keyshare-reminders-"));
    const file = path.join(dir, "db.sqlite");
    a = openDb(file, { migrate: true });
    b = openDb(file);
    const w = world(a);
    for (let i = 0; i < 20; i++)
      shareFor(a, { ...w, dev: makeDevice(a, { ownerId: w.alice.id }) }, 10);
    // Interleaved small rounds, as two servers' timers would run them.
    let sent = 0;
    for (let round = 0; round < 15; round++) {
      for (const conn of [a, b, b, a])
        sent += sendDueReminders(conn, {
          now: T0 + 8 * DAY + round,
          offsets: OFFSETS,
          baseUrl: BASE,
          limit: 3,
        }).emails;
    }
    expect(sent).toBe(40);
    expect(mails(b)).toHaveLength(40);
    expect(new Set(mails(a).map((m) => `${m.to}|${m.text}`)).size).toBe(40);
    // The claim itself: the same reminder claimed from both connections wins once.
    const id = shareFor(a, { ...w, dev: makeDevice(a, { ownerId: w.alice.id }) }, 10);
    expect([
      claimReminder(a, id, 1, T0 + 10 * DAY, T0),
      claimReminder(b, id, 1, T0 + 10 * DAY, T0),
    ]).toEqual([true, false]);
  });
});
