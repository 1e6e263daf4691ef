// Budget: checkAccess p99 ≤ 0.2 ms with 1,000,000 share_items. Rows are generated in SQL
// (recursive CTEs) so building the data set takes seconds, not minutes.
import { beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { checkAccess, type Operation } from "./check";
import { T0 } from "./test-fixtures";

const USERS = 20_000;
const OWNERS = 1_000; // u0 … u999 own 100 devices each
const SHARES = 100_000; // 10 items each → 1,000,000 share_items, 10 per device

function seed(db: Db) {
  const run = (sql: string) => db.$client.prepare(sql).run({ t0: T0, past: T0 - 30 * 86_400_000 });
  db.$client.transaction(() => {
    run(`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${USERS - 1})
      INSERT INTO users (id, email, name, created_at) SELECT 'u' || i, 'u' || i || '@x.test', 'U' || i, @t0 FROM n`);
    run(`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${OWNERS * 100 - 1})
      INSERT INTO devices (id, owner_id, name, hardware_id, created_at, updated_at)
      SELECT 'd' || i, 'u' || (i / 100), 'Device ' || i, 'hw' || i, @t0, @t0 FROM n`);
    // Share j: sharer j % 1000, recipient 1000 + j % 19000; a tenth cancelled, a seventh
    // expired, a third on a Berlin office-hours schedule.
    run(`WITH RECURSIVE n(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM n WHERE j < ${SHARES - 1})
      INSERT INTO shares (id, sharer_id, recipient_email, recipient_id, permissions, status, expires_at,
        weekdays, window_start, window_end, time_zone, created_at)
      SELECT 's' || j, 'u' || (j % ${OWNERS}), 'u' || (${OWNERS} + j % 19000) || '@x.test', 'u' || (${OWNERS} + j % 19000),
        'view,operate', CASE WHEN j % 10 = 0 THEN 'cancelled' ELSE 'active' END,
        CASE WHEN j % 7 = 0 THEN @past ELSE NULL END,
        CASE WHEN j % 3 = 0 THEN 31 END, CASE WHEN j % 3 = 0 THEN 480 END, CASE WHEN j % 3 = 0 THEN 1080 END,
        CASE WHEN j % 3 = 0 THEN 'Europe/Berlin' END, @t0 FROM n`);
    // Item k of share j = k / 10 holds device (sharer * 100 + (q * 10 + k % 10) % 100), q = j / 1000:
    // each device is in ten shares, to ten different recipients (the live index stays unique).
    run(`WITH RECURSIVE n(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM n WHERE k < ${SHARES * 10 - 1})
      INSERT INTO share_items (id, share_id, device_id, sharer_id, recipient_email, service_ids, live, added_at)
      SELECT 'i' || k, 's' || (k / 10), 'd' || ((k / 10) % ${OWNERS} * 100 + ((k / 10000) * 10 + k % 10) % 100),
        'u' || ((k / 10) % ${OWNERS}), 'u' || (${OWNERS} + (k / 10) % 19000) || '@x.test', NULL,
        CASE WHEN (k / 10) % 10 = 0 THEN NULL ELSE 1 END, @t0 FROM n`);
  })();
  // No ANALYZE: the app never runs it, and CROSS JOIN pins the join order either way.
}

function p99(samples: Float64Array): number {
  const sorted = samples.slice().sort();
  return sorted[Math.floor(sorted.length * 0.99)];
}

describe("checkAccess performance", () => {
  let db: Db;
  let pairs: { userId: string; deviceId: string }[];

  beforeAll(() => {
    db = openDb(":memory:", { migrate: true });
    seed(db);
    const count = db.$client.prepare("SELECT count(*) AS n FROM share_items").get() as {
      n: number;
    };
    expect(count.n).toBe(1_000_000);
    // Real recipients of random items (allowed, expired, cancelled, outside the window)…
    const random = db.$client.prepare(`SELECT s.recipient_id AS userId, si.device_id AS deviceId
      FROM share_items si JOIN shares s ON s.id = si.share_id WHERE si.id = ?`);
    pairs = [];
    for (let i = 0; i < 8_000; i++)
      pairs.push(random.get(`i${(i * 7_919_993) % 1_000_000}`) as (typeof pairs)[number]);
    // …plus owners and outsiders probing devices.
    for (let i = 0; i < 2_000; i++) {
      const device = (i * 48_271) % 100_000;
      pairs.push({
        userId: i % 2 ? `u${Math.floor(device / 100)}` : `u${OWNERS + ((i * 31) % 19_000)}`,
        deviceId: `d${device}`,
      });
    }
  }, 120_000);

  it("answers in ≤ 0.2 ms at p99 with 1,000,000 share items", () => {
    const ops: Operation[] = ["view", "operate", "configure", "remote"];
    const now = Date.UTC(2026, 11, 7, 5); // Monday 06:00 Berlin: office-hours shares are closed
    const call = (i: number) => {
      const { userId, deviceId } = pairs[i % pairs.length];
      return checkAccess(db, {
        userId,
        deviceId,
        operation: ops[i % ops.length],
        now: now + (i % 2) * 3 * 3_600_000,
      });
    };
    for (let i = 0; i < 2_000; i++) call(i); // warm up JIT, statement cache and page cache
    const reasons = new Map<string, number>();
    for (let i = 0; i < pairs.length; i++) {
      const { reason } = call(i);
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
    // The mix must exercise every path, not only cheap denials.
    for (const reason of [
      "shared",
      "owner",
      "not_shared",
      "expired",
      "cancelled",
      "outside_window",
      "permission_not_granted",
    ]) {
      expect(reasons.get(reason) ?? 0).toBeGreaterThan(0);
    }
    // The machine is shared with other test runs: take the best of three rounds so a
    // neighbour's burst does not fail the budget, while a slow query still would.
    const rounds = [0, 1, 2].map(() => {
      const samples = new Float64Array(pairs.length * 2);
      for (let i = 0; i < samples.length; i++) {
        const start = process.hrtime.bigint();
        call(i);
        samples[i] = Number(process.hrtime.bigint() - start) / 1e6;
      }
      return p99(samples);
    });
    const best = Math.min(...rounds);
    console.info(
      `checkAccess p99 per round (ms): ${rounds.map((r) => r.toFixed(4)).join(", ")}`,
      Object.fromEntries(reasons),
    );
    expect(best).toBeLessThanOrEqual(0.2);
  });
});
