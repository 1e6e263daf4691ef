import "server-only";
import type { Db } from "@/db/client";
import { kickEmailWorker } from "@/lib/platform/email/worker";
import { purgeExpired } from "@/lib/platform/housekeeping";
import { recordExpiredEvents } from "@/lib/sharing/manage-share";
import { reminderOffsets } from "./offsets";
import { sendDueReminders, type ReminderReport } from "./send";

// The reminder loop inside the server process. It keeps no state of its own: each round
// asks the database what is due, so a restart (or a second process) loses and repeats nothing.

export type ReminderScheduler = { tick(): Promise<ReminderReport>; stop(): void };
export type ReminderSchedulerOptions = {
  intervalMs?: number;
  offsets?: readonly number[];
  clock?: () => number;
  /** Runs the expiry housekeeping every this many rounds (it scans every expired share). */
  housekeepingEvery?: number;
  onRound?: (report: ReminderReport) => void;
};

const state = globalThis as unknown as { keyshareReminders?: ReminderScheduler };

function intervalFromEnv(): number {
  const n = Number(process.env.REMINDER_INTERVAL_MS);
  return Number.isFinite(n) && n >= 1000 ? n : 15_000;
}

/** Starts the loop (one per process, reused across dev hot reloads). */
export function startReminderScheduler(
  getDb: () => Db,
  opts: ReminderSchedulerOptions = {},
): ReminderScheduler {
  if (state.keyshareReminders) return state.keyshareReminders;
  const {
    intervalMs = intervalFromEnv(),
    offsets = reminderOffsets(),
    clock = Date.now,
    housekeepingEvery = 4,
    onRound,
  } = opts;
  let rounds = 0;
  let running: Promise<ReminderReport> | null = null;

  // One round at a time in this process (a slow round must not overlap the next tick);
  // other processes' rounds are kept apart by the reminder claims in the database.
  const tick = (): Promise<ReminderReport> => {
    running ??= round().finally(() => (running = null));
    return running;
  };
  const round = async (): Promise<ReminderReport> => {
    try {
      const db = getDb();
      const now = clock();
      // Writes the "expired" activity entries, so /activity lists expiries too; drops
      // expired rate-limit windows, sessions and emailed links.
      if (rounds++ % housekeepingEvery === 0) {
        await recordExpiredEvents(db, now);
        await purgeExpired(db, now);
      }
      const report = await sendDueReminders(db, { now, offsets });
      if (report.emails > 0) kickEmailWorker(getDb);
      onRound?.(report);
      return report;
    } catch (e) {
      // A busy or briefly unavailable database: the next round finds the same work.
      console.error("[reminders] round failed:", e);
      return { reminders: 0, emails: 0 };
    }
  };

  // Spread the first round a little so several processes started together do not collide.
  const first = setTimeout(() => void tick(), 1000 + Math.floor(Math.random() * 1000));
  const timer = setInterval(() => void tick(), intervalMs);
  first.unref?.();
  timer.unref?.();

  const scheduler: ReminderScheduler = {
    tick,
    stop() {
      clearTimeout(first);
      clearInterval(timer);
      if (state.keyshareReminders === scheduler) state.keyshareReminders = undefined;
    },
  };
  state.keyshareReminders = scheduler;
  return scheduler;
}

export function stopReminderScheduler(): void {
  state.keyshareReminders?.stop();
}
