// (e) Groups at fleet scale (issue 16), in process on fresh databases of the engine measured:
// - checkAccess with 1,000,000 share items of which a tenth reach people through groups of
//   50 members (2,000 groups, 10,000 group shares), budget p99 ≤ 0.2 ms like direct shares;
// - Shared with Me, page 1, for a member of 200 groups holding 2,000 group shares, beside a
//   recipient of 2,000 direct shares on the same database (the budget of today's page).
import type { Db } from "@/db/client";
import { checkAccess, type Operation } from "@/lib/access/check";
import { listSharedWithMe } from "@/lib/sharing/queries";
import { itemHolders } from "./access-check";
import { scaled } from "./config";
import { closeDb, freshDatabase } from "./databases";
import { percentile } from "./load";
import { countItems, openRaw, settle, upTo as upToOn, type Raw } from "./raw";

const OWNERS = 1_000;
const RECIPIENTS = 19_000;
const DIRECT_SHARES = scaled(90_000);
const GROUPS = 2_000;
const GROUP_SIZE = 50;
const GROUP_SHARES = scaled(10_000);
const T0 = Date.UTC(2026, 10, 2, 9);

/** Member m of group g: 50 consecutive recipients, so each recipient is in ~5 groups. */
const memberOf = (g: number, m: number) => OWNERS + ((g * GROUP_SIZE + m) % RECIPIENTS);

/** A fresh migrated database through the engine, and a raw connection beside it for seeding. */
async function fresh(name: string): Promise<{ db: Db; raw: Raw; drop: () => Promise<void> }> {
  const { db, where } = await freshDatabase(name);
  return { db, raw: await openRaw(where), drop: where.drop };
}

/** Runs `sql` with @t0 and @past as literals (numbers; the same text on both engines). */
const runner = (raw: Raw) => (sql: string) =>
  raw.run(sql.replaceAll("@t0", String(T0)).replaceAll("@past", String(T0 - 30 * 86_400_000)));

async function seedAccess(raw: Raw) {
  const run = runner(raw);
  const upTo = (n: number, v = "i") => upToOn(raw.kind, n, v);
  const status = (v: string) => `CASE WHEN ${v} % 10 = 0 THEN 'cancelled' ELSE 'active' END`;
  const schedule = (v: string) => `CASE WHEN ${v} % 7 = 0 THEN @past ELSE NULL END,
    CASE WHEN ${v} % 3 = 0 THEN 31 END, CASE WHEN ${v} % 3 = 0 THEN 480 END,
    CASE WHEN ${v} % 3 = 0 THEN 1080 END, CASE WHEN ${v} % 3 = 0 THEN 'Europe/Berlin' END`;
  await raw.tx(async () => {
    // Verified addresses: only a verified account is a group member.
    await run(`${upTo(OWNERS + RECIPIENTS)} INSERT INTO users (id, email, name, email_verified, created_at)
      SELECT 'u' || i, 'u' || i || '@x.test', 'U' || i, @t0, @t0 FROM n`);
    await run(`${upTo(OWNERS * 100)} INSERT INTO devices (id, owner_id, name, hardware_id, created_at, updated_at)
      SELECT 'd' || i, 'u' || (i / 100), 'Device ' || i, 'hw' || i, @t0, @t0 FROM n`);
    // Direct shares as in (d): sharer j % 1000, ten items each, devices 0-89 of the sharer.
    await run(`${upTo(DIRECT_SHARES, "j")} INSERT INTO shares (id, sharer_id, recipient_email, recipient_id, permissions,
        status, expires_at, weekdays, window_start, window_end, time_zone, created_at)
      SELECT 's' || j, 'u' || (j % ${OWNERS}), 'u' || (${OWNERS} + j % ${RECIPIENTS}) || '@x.test',
        'u' || (${OWNERS} + j % ${RECIPIENTS}), 'view,operate', ${status("j")}, ${schedule("j")}, @t0 FROM n`);
    await run(`${upTo(DIRECT_SHARES * 10, "k")} INSERT INTO share_items (id, share_id, device_id, sharer_id, recipient_email,
        service_ids, live, added_at)
      SELECT 'i' || k, 's' || (k / 10), 'd' || ((k / 10) % ${OWNERS} * 100 + ((k / 10000) * 10 + k % 10) % 90),
        'u' || ((k / 10) % ${OWNERS}), 'u' || (${OWNERS} + (k / 10) % ${RECIPIENTS}) || '@x.test', NULL,
        NULL, @t0 FROM n`);
    // Groups g owned by u(g % 1000), 50 members each.
    await run(`${upTo(GROUPS, "g")} INSERT INTO groups (id, owner_id, name, name_key, created_at)
      SELECT 'g' || g, 'u' || (g % ${OWNERS}), 'Crew ' || g, 'crew ' || g, @t0 FROM n`);
    await run(`${upTo(GROUPS * GROUP_SIZE, "m")} INSERT INTO group_members (id, group_id, email, token_hash, token_nonce, added_at)
      SELECT 'm' || m, 'g' || (m / ${GROUP_SIZE}),
        'u' || (${OWNERS} + ((m / ${GROUP_SIZE}) * ${GROUP_SIZE} + m % ${GROUP_SIZE}) % ${RECIPIENTS}) || '@x.test',
        'h' || m, 'n', @t0 FROM n`);
    // Group share j: group j % 2000, by its owner, ten of the owner's devices 90-99.
    await run(`${upTo(GROUP_SHARES, "j")} INSERT INTO shares (id, sharer_id, recipient_email, group_id, permissions,
        status, expires_at, weekdays, window_start, window_end, time_zone, created_at)
      SELECT 'gs' || j, 'u' || ((j % ${GROUPS}) % ${OWNERS}), 'group:g' || (j % ${GROUPS}), 'g' || (j % ${GROUPS}),
        'view,operate', ${status("j")}, ${schedule("j")}, @t0 FROM n`);
    await run(`${upTo(GROUP_SHARES * 10, "k")} INSERT INTO share_items (id, share_id, device_id, sharer_id, recipient_email,
        service_ids, live, added_at)
      SELECT 'gi' || k, 'gs' || (k / 10), 'd' || (((k / 10) % ${GROUPS}) % ${OWNERS} * 100 + 90 + k % 10),
        'u' || (((k / 10) % ${GROUPS}) % ${OWNERS}), 'group:g' || ((k / 10) % ${GROUPS}), NULL, NULL, @t0 FROM n`);
  });
}

export async function measureGroupAccessCheck() {
  const { db, raw, drop } = await fresh("group_access");
  const started = performance.now();
  await seedAccess(raw);
  await settle(raw);
  const n = await countItems(raw);
  const [{ g }] = await raw.all<{ g: number | string }>(
    "SELECT count(*) AS g FROM share_items WHERE recipient_email LIKE 'group:%'",
  );
  const seedS = (performance.now() - started) / 1000;
  const pairs: { userId: string; deviceId: string }[] = [];
  // A tenth of the checks by group members (and former-looking outsiders of the group)…
  for (let i = 0; i < 1_000; i++) {
    const k = (i * 7_919_993) % (GROUP_SHARES * 10);
    const group = Math.floor(k / 10) % GROUPS;
    const device = (group % OWNERS) * 100 + 90 + (k % 10);
    const member =
      i % 10 === 9
        ? OWNERS + ((group * GROUP_SIZE + 60) % RECIPIENTS)
        : memberOf(group, i % GROUP_SIZE);
    pairs.push({ userId: `u${member}`, deviceId: `d${device}` });
  }
  // …the rest by direct recipients, owners and outsiders, as in (d).
  pairs.push(
    ...(await itemHolders(
      raw,
      Array.from({ length: 7_000 }, (_, i) => `i${(i * 7_919_993) % (DIRECT_SHARES * 10)}`),
    )),
  );
  for (let i = 0; i < 2_000; i++) {
    const device = (i * 48_271) % (OWNERS * 100);
    pairs.push({
      userId: i % 2 ? `u${Math.floor(device / 100)}` : `u${OWNERS + ((i * 31) % RECIPIENTS)}`,
      deviceId: `d${device}`,
    });
  }
  const ops: Operation[] = ["view", "operate", "configure", "remote"];
  const now = Date.UTC(2026, 11, 7, 5);
  const reasons: Record<string, number> = {};
  const call = (i: number) => {
    const { userId, deviceId } = pairs[i % pairs.length];
    return checkAccess(db, {
      userId,
      deviceId,
      operation: ops[i % 4],
      now: now + (i % 2) * 3 * 3_600_000,
    });
  };
  for (let i = 0; i < pairs.length; i++) {
    const r = await call(i);
    const key = r.via ? `${r.reason} via group` : r.reason;
    reasons[key] = (reasons[key] ?? 0) + 1;
  }
  // The first 1,000 pairs are the group members' checks: their own p99 is reported too.
  const rounds: { p50: number; p99: number; groupP99: number }[] = [];
  for (let round = 0; round < 3; round++) {
    const samples = new Float64Array(pairs.length * 2);
    const grouped: number[] = [];
    for (let i = 0; i < samples.length; i++) {
      const start = process.hrtime.bigint();
      await call(i);
      samples[i] = Number(process.hrtime.bigint() - start) / 1e6;
      if (i % pairs.length < 1_000) grouped.push(samples[i]);
    }
    samples.sort();
    const g99 = Float64Array.from(grouped).sort();
    rounds.push({
      p50: percentile(samples, 50),
      p99: percentile(samples, 99),
      groupP99: percentile(g99, 99),
    });
  }
  rounds.sort((a, b) => a.p99 - b.p99);
  console.log(
    `  group access check p99 per round (ms): ${rounds.map((r) => r.p99.toFixed(4)).join(", ")}`,
  );
  await raw.close();
  await closeDb(db);
  await drop();
  const mid = rounds[1];
  return {
    items: n,
    groupItems: Number(g),
    seedS,
    p50Ms: mid.p50,
    p99Ms: mid.p99,
    groupMemberP99Ms: mid.groupP99,
    reasons,
  };
}

/** Shared with Me, page 1 (50 rows), for a member of 200 groups and a direct recipient, 2,000 shares each. */
export async function measureGroupSharedWithMe() {
  const { db, raw, drop } = await fresh("group_with_me");
  const run = runner(raw);
  const upTo = (n: number, v = "i") => upToOn(raw.kind, n, v);
  const SHARERS = 100;
  await raw.tx(async () => {
    await run(`${upTo(SHARERS + 2)} INSERT INTO users (id, email, name, email_verified, created_at)
      SELECT 'u' || i, 'u' || i || '@x.test', 'Sharer ' || i, @t0, @t0 FROM n`);
    await run(`${upTo(SHARERS * 20)} INSERT INTO devices (id, owner_id, name, hardware_id, created_at, updated_at)
      SELECT 'd' || i, 'u' || (i / 20), 'Device ' || i, 'hw' || i, @t0, @t0 FROM n`);
    // 200 groups (two per sharer), each with the member u100 and 49 others.
    await run(`${upTo(200, "g")} INSERT INTO groups (id, owner_id, name, name_key, created_at)
      SELECT 'g' || g, 'u' || (g / 2), 'Crew ' || g, 'crew ' || g, @t0 FROM n`);
    await run(`${upTo(200 * 50, "m")} INSERT INTO group_members (id, group_id, email, token_hash, token_nonce, added_at)
      SELECT 'm' || m, 'g' || (m / 50), CASE WHEN m % 50 = 0 THEN 'u100@x.test' ELSE 'x' || m || '@x.test' END,
        'h' || m, 'n', @t0 FROM n`);
    // 2,000 group shares (ten per group) and 2,000 direct shares to u101, three devices each.
    await run(`${upTo(2_000, "j")} INSERT INTO shares (id, sharer_id, recipient_email, group_id, permissions, status,
        created_at, accepted_at)
      SELECT 'gs' || j, 'u' || ((j % 200) / 2), 'group:g' || (j % 200), 'g' || (j % 200), 'view', 'active', @t0 + j, @t0 FROM n`);
    await run(`${upTo(2_000, "j")} INSERT INTO shares (id, sharer_id, recipient_email, recipient_id, permissions, status,
        created_at, accepted_at)
      SELECT 'ds' || j, 'u' || (j % ${SHARERS}), 'u101@x.test', 'u101', 'view', 'active', @t0 + j, @t0 FROM n`);
    await run(`${upTo(6_000, "k")} INSERT INTO share_items (id, share_id, device_id, sharer_id, recipient_email, live, added_at)
      SELECT 'gi' || k, 'gs' || (k / 3), 'd' || (((k / 3) % 200) / 2 * 20 + k % 3), 'u' || (((k / 3) % 200) / 2),
        'group:g' || ((k / 3) % 200), NULL, @t0 FROM n`);
    await run(`${upTo(6_000, "k")} INSERT INTO share_items (id, share_id, device_id, sharer_id, recipient_email, live, added_at)
      SELECT 'di' || k, 'ds' || (k / 3), 'd' || ((k / 3) % ${SHARERS} * 20 + 10 + k % 3), 'u' || ((k / 3) % ${SHARERS}),
        'u101@x.test', NULL, @t0 FROM n`);
  });
  await settle(raw);
  const now = T0 + 86_400_000;
  const time = async (user: { id: string; email: string; emailVerified: number }) => {
    const got = await listSharedWithMe(db, { user, now, page: 1, pageSize: 50 });
    const samples = new Float64Array(200);
    for (let i = 0; i < samples.length; i++) {
      const start = process.hrtime.bigint();
      await listSharedWithMe(db, { user, now, page: 1 + (i % 3), pageSize: 50 });
      samples[i] = Number(process.hrtime.bigint() - start) / 1e6;
    }
    samples.sort();
    return { total: got.total, p50: percentile(samples, 50), p95: percentile(samples, 95) };
  };
  const member = await time({ id: "u100", email: "u100@x.test", emailVerified: T0 });
  const direct = await time({ id: "u101", email: "u101@x.test", emailVerified: T0 });
  await raw.close();
  await closeDb(db);
  await drop();
  return { member, direct };
}
