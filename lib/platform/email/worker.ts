import type { Db } from "@/db/client";
import { deliverDue, type DeliveryReport } from "./outbox";
import { getTransport, type MailTransport } from "./transport";

// The background loop that drains the email outbox. One per process: its state lives on
// globalThis so Next.js dev hot reloads reuse it instead of stacking up intervals.

export type EmailWorker = {
  /** Runs a delivery round now (or right after the current one); never rejects. */
  kick(): Promise<void>;
  stop(): void;
};

export type EmailWorkerOptions = {
  intervalMs?: number;
  /** Injected by tests; defaults to the environment's transport (SMTP or local outbox). */
  transport?: () => MailTransport;
  clock?: () => number;
  /** Called after each round, e.g. for logging. */
  onRound?: (report: DeliveryReport) => void;
};

const state = globalThis as unknown as { keyshareEmailWorker?: EmailWorker };

/** Starts the loop; a second call returns the running worker unchanged. */
export function startEmailWorker(getDb: () => Db, opts: EmailWorkerOptions = {}): EmailWorker {
  if (state.keyshareEmailWorker) return state.keyshareEmailWorker;
  const { intervalMs = 2000, transport = getTransport, clock = Date.now, onRound } = opts;

  let running: Promise<void> | null = null;
  // Set when a kick arrives mid-round: the mail it announces may have been queued after
  // this round's SELECT, so one more round runs instead of waiting for the next tick.
  let again = false;
  let stopped = false;

  const round = async () => {
    try {
      const report = await deliverDue(getDb(), { now: clock(), transport: transport() });
      onRound?.(report);
    } catch (e) {
      // deliverDue never throws, but getDb/getTransport might: log, and try next tick.
      console.error("[email] delivery round failed:", e);
    }
  };

  const kick = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await round();
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
    return running;
  };

  const timer = setInterval(() => void kick(), intervalMs);
  // Never keep the process (or a test runner) alive just to poll the outbox.
  timer.unref?.();

  const worker: EmailWorker = {
    kick,
    stop() {
      stopped = true;
      clearInterval(timer);
      if (state.keyshareEmailWorker === worker) state.keyshareEmailWorker = undefined;
    },
  };
  state.keyshareEmailWorker = worker;
  return worker;
}

/**
 * Asks the worker to deliver now, without waiting: call it after an action has committed
 * mail to the outbox. When no worker runs yet and `getDb` is given, one is started.
 * Returns false when nothing could be kicked (the mail then waits for a worker to start).
 */
export function kickEmailWorker(getDb?: () => Db): boolean {
  const worker = state.keyshareEmailWorker ?? (getDb ? startEmailWorker(getDb) : undefined);
  if (!worker) return false;
  void worker.kick();
  return true;
}

/** Stops the running worker, if any (tests, graceful shutdown). */
export function stopEmailWorker(): void {
  state.keyshareEmailWorker?.stop();
}
