import { afterEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { freshDb } from "@/tests/support/db/fresh";
import { listOutbox, queueEmail } from "./outbox";
import type { MailMessage, MailTransport } from "./transport";
import { kickEmailWorker, startEmailWorker, stopEmailWorker } from "./worker";

const msg = (n: number): MailMessage => ({
  to: `r${n}@example.com`,
  subject: `S${n}`,
  text: "t",
  html: "<p>h</p>",
});

/** A transport whose sends stay pending until `release()`, to observe overlapping rounds. */
function gatedTransport() {
  const sent: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let open: () => void = () => {};
  let gate = new Promise<void>((r) => (open = r));
  const t: MailTransport = {
    kind: "smtp",
    async send(m) {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await gate;
      inFlight--;
      sent.push(m.subject);
    },
  };
  return {
    t,
    sent,
    maxInFlight: () => maxInFlight,
    inFlight: () => inFlight,
    release() {
      open();
      gate = Promise.resolve();
    },
  };
}

afterEach(() => {
  stopEmailWorker();
  vi.useRealTimers();
});

describe("startEmailWorker", () => {
  it("is idempotent: a second call returns the running worker", async () => {
    const db = await freshDb();
    const a = startEmailWorker(() => db, { transport: () => gatedTransport().t });
    const b = startEmailWorker(() => db, { intervalMs: 10 });
    expect(b).toBe(a);
  });

  it("polls on its interval", async () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 0, 1) });
    const db = await freshDb();
    const g = gatedTransport();
    g.release();
    await queueEmail(db, msg(1), Date.now());
    startEmailWorker(() => db, { intervalMs: 2000, transport: () => g.t });
    expect(g.sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(2000);
    // The round's database calls may need real I/O (PostgreSQL): wait for it, advancing the
    // fake clock by a little each check, far less than another interval.
    await vi.waitFor(() => expect(g.sent).toEqual(["S1"]), { interval: 10, timeout: 1_000 });
  });

  it("never overlaps rounds, and a kick during a round triggers one more round", async () => {
    const db: Db = await freshDb();
    const g = gatedTransport();
    const rounds: number[] = [];
    const w = startEmailWorker(() => db, {
      intervalMs: 60_000,
      transport: () => g.t,
      onRound: (r) => rounds.push(r.sent),
    });
    await queueEmail(db, msg(1), Date.now());
    const first = w.kick();
    // Queued once the first round holds its rows (its send is waiting at the gate: on
    // PostgreSQL the round's select and this insert run on separate pooled connections, so
    // queueing right after the kick could land before the select), then kicked twice mid-round.
    await vi.waitFor(() => expect(g.inFlight()).toBe(1), { interval: 5, timeout: 5_000 });
    await queueEmail(db, msg(2), Date.now());
    const second = w.kick();
    void w.kick();
    expect(second).toBe(first); // the same round: a kick mid-round starts none of its own
    g.release();
    await first;
    expect(g.maxInFlight()).toBe(1);
    expect(g.sent).toEqual(["S1", "S2"]);
    expect(rounds).toEqual([1, 1]);
    expect((await listOutbox(db)).every((e) => e.status === "sent")).toBe(true);
  });

  it("survives a failing getDb without rejecting", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const w = startEmailWorker(() => {
      throw new Error("no database");
    });
    await expect(w.kick()).resolves.toBeUndefined();
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });
});

describe("kickEmailWorker", () => {
  it("returns false when no worker runs and none can be started", () => {
    expect(kickEmailWorker()).toBe(false);
  });

  it("kicks without being awaited, starting the worker when given getDb", async () => {
    vi.stubEnv("SMTP_URL", "");
    const db = await freshDb();
    const id = await queueEmail(db, msg(1), Date.now());
    expect(kickEmailWorker(() => db)).toBe(true);
    await vi.waitFor(async () =>
      expect((await listOutbox(db)).find((e) => e.id === id)?.status).toBe("outbox"),
    );
    vi.unstubAllEnvs();
  });
});
