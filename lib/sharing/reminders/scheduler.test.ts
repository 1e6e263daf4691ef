import { afterEach, describe, expect, it } from "vitest";
import { emails, rateLimits, shareEvents } from "@/db/schema";
import { hit } from "@/lib/platform/rate-limit";
import { stopEmailWorker } from "@/lib/platform/email/worker";
import { acceptShare } from "@/lib/sharing/lifecycle";
import { shareDevices } from "@/lib/sharing/share-devices";
import {
  DAY,
  HOUR,
  makeDevice,
  makeUser,
  shareRequest,
  T0,
  testDb,
} from "@/lib/sharing/test-fixtures";
import { startReminderScheduler, stopReminderScheduler } from "./scheduler";

afterEach(() => {
  stopReminderScheduler();
  stopEmailWorker();
});

describe("the reminder scheduler", () => {
  it("finds due reminders from the database, so a restart neither loses nor repeats them", async () => {
    const db = await testDb();
    const alice = await makeUser(db, { name: "Alice" });
    const bob = await makeUser(db, { name: "Bob" });
    const dev = await makeDevice(db, { ownerId: alice.id });
    const id = (
      await shareDevices(db, {
        sharerId: alice.id,
        now: T0,
        input: shareRequest({
          recipients: bob.email,
          deviceIds: [dev.id],
          expiresAt: T0 + 5 * DAY,
        }),
      })
    ).shares[0].shareId;
    await acceptShare(db, { shareId: id, user: bob, now: T0 });
    let now = T0 + DAY;
    const opts = { intervalMs: 3_600_000, clock: () => now, offsets: [72 * HOUR, 24 * HOUR] };

    const first = startReminderScheduler(() => db, opts);
    expect(startReminderScheduler(() => db, opts)).toBe(first); // one per process
    expect(await first.tick()).toEqual({ reminders: 0, emails: 0 });
    now = T0 + 2 * DAY + HOUR;
    expect(await first.tick()).toEqual({ reminders: 1, emails: 2 });
    first.stop();

    // "Restart": a fresh scheduler over the same database.
    const second = startReminderScheduler(() => db, opts);
    expect(second).not.toBe(first);
    expect(await second.tick()).toEqual({ reminders: 0, emails: 0 });
    now = T0 + 6 * DAY;
    await second.tick();
    expect(await db.select().from(emails)).toHaveLength(2);
    second.stop();
    // Housekeeping runs on a scheduler's first round (then every 4th): the expiry enters the activity.
    const third = startReminderScheduler(() => db, opts);
    await third.tick();
    expect((await db.select().from(shareEvents)).map((e) => e.type)).toContain("expired");
  });

  it("its housekeeping round purges rate-limit windows that are over", async () => {
    const db = await testDb();
    await hit(db, "signin:ip:203.0.113.9", { limit: 5, windowMs: 60_000 }, T0);
    const s = startReminderScheduler(() => db, { intervalMs: 3_600_000, clock: () => T0 + 60_000 });
    await s.tick();
    expect(await db.select().from(rateLimits)).toEqual([]);
  });

  it("survives a failing database", async () => {
    const s = startReminderScheduler(
      () => {
        throw new Error("disk on fire");
      },
      { intervalMs: 3_600_000 },
    );
    const original = console.error;
    console.error = () => {};
    try {
      expect(await s.tick()).toEqual({ reminders: 0, emails: 0 });
    } finally {
      console.error = original;
    }
  });
});
