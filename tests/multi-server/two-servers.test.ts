// Issue 14: two production servers (`scripts/serve.ts`, as `npm start` runs it) on one
// PostgreSQL database behave as one. Everything goes over HTTP to real servers; the test
// reads the shared database only to check what they wrote.
import { and, count, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUTH_SECRET } from "@/bench/config";
import { insertMany, pgSchema as t, transaction } from "@/db/engine";
import { hashPassword } from "@/lib/accounts/password";
import { deriveLinkToken } from "@/lib/sharing/tokens";
import { callAction } from "./actions";
import {
  fetchAs,
  postSignIn,
  signIn,
  startCluster,
  VICTIM_PORT,
  type AppServer,
  type Cluster,
} from "./servers";
import { DAY } from "@/lib/platform/time";

const PASSWORD = "two-servers-password";
const BULK_DEVICES = 2_000;
const BULK_RECIPIENTS = 50;

let cluster: Cluster;
let a: AppServer;
let b: AppServer;
let seq = 0;

async function addUser(name: string): Promise<{ id: string; email: string }> {
  const n = ++seq;
  const user = { id: `u${n}`, email: `${name}-${n}@two.test`, name: `${name} ${n}` };
  await transaction(cluster.db, async (tx) => {
    await tx.insert(t.users).values({
      ...user,
      passwordHash: await passwordHash,
      emailVerified: 1,
      createdAt: Date.now(),
    });
  });
  return user;
}

async function addDevices(ownerId: string, n: number): Promise<string[]> {
  const now = Date.now();
  const rows = Array.from({ length: n }, (_, i) => ({
    id: `${ownerId}-d${i}`,
    ownerId,
    name: `Gateway ${i}`,
    hardwareId: `${ownerId}:${i}`,
    createdAt: now,
    updatedAt: now,
  }));
  await transaction(cluster.db, (tx) => insertMany(tx, t.devices, rows));
  return rows.map((r) => r.id);
}

function shareInput(recipients: string[], deviceIds: string[], expiresInDays = 7) {
  return {
    recipients: recipients.join(", "),
    deviceIds,
    permissions: "Viewer",
    expiresAt: new Date(Date.now() + expiresInDays * DAY).toISOString().slice(0, 10),
    notify: false,
  };
}

async function shareOf(recipientEmail: string) {
  const [row] = await cluster.db
    .select()
    .from(t.shares)
    .where(eq(t.shares.recipientEmail, recipientEmail));
  return row;
}

const passwordHash = hashPassword(PASSWORD);

beforeAll(async () => {
  process.env.AUTH_SECRET = AUTH_SECRET; // the servers' secret: the test derives links with it
  cluster = await startCluster();
  [a, b] = cluster.servers;
});
afterAll(async () => {
  await cluster?.stop();
});

describe("two app servers on one PostgreSQL database", () => {
  it("a share made on one server is accepted by its link on the other", async () => {
    const owner = await addUser("owner");
    const recipient = await addUser("recipient");
    const [deviceId] = await addDevices(owner.id, 1);
    const ownerCookie = await signIn(owner.email, PASSWORD, a.baseUrl);
    const shared = await callAction(a.baseUrl, "/devices", ownerCookie, "shareDevicesAction", [
      undefined,
      shareInput([recipient.email], [deviceId]),
    ]);
    expect(shared.status).toBe(200);
    const share = await shareOf(recipient.email);
    expect(share).toMatchObject({ status: "pending", sharerId: owner.id });
    const token = deriveLinkToken(share.id, share.tokenNonce!);

    const recipientCookie = await signIn(recipient.email, PASSWORD, b.baseUrl);
    const page = await fetchAs(b.baseUrl, `/s/${token}`, recipientCookie);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Accept");
    await callAction(b.baseUrl, `/s/${token}`, recipientCookie, "acceptLinkAction", [
      undefined,
      { token },
    ]);
    expect(await shareOf(recipient.email)).toMatchObject({
      status: "active",
      recipientId: recipient.id,
    });
    // And the first server sees it at once: the recipient's Shared with Me lists the share.
    const withMe = await fetchAs(
      a.baseUrl,
      "/shared-with-me",
      await signIn(recipient.email, PASSWORD, a.baseUrl),
    );
    expect(await withMe.text()).toContain(owner.email);
  });

  it("50 concurrent accepts of one link spread over both servers: exactly one wins", async () => {
    const owner = await addUser("racer-owner");
    const recipient = await addUser("racer");
    const devices = await addDevices(owner.id, 3);
    const ownerCookie = await signIn(owner.email, PASSWORD, b.baseUrl);
    await callAction(b.baseUrl, "/devices", ownerCookie, "shareDevicesAction", [
      undefined,
      shareInput([recipient.email], devices),
    ]);
    const share = await shareOf(recipient.email);
    const token = deriveLinkToken(share.id, share.tokenNonce!);
    const cookies = [
      await signIn(recipient.email, PASSWORD, a.baseUrl),
      await signIn(recipient.email, PASSWORD, b.baseUrl),
    ];
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        callAction([a, b][i % 2].baseUrl, `/s/${token}`, cookies[i % 2], "acceptLinkAction", [
          undefined,
          { token },
        ]),
      ),
    );
    // Every request was answered (a winner's redirect, or the losers' refusal)…
    expect(answers.every((r) => r.status === 200 || r.status === 303)).toBe(true);
    // …and the share was accepted exactly once.
    const [{ n }] = await cluster.db
      .select({ n: count() })
      .from(t.shareEvents)
      .where(and(eq(t.shareEvents.shareId, share.id), eq(t.shareEvents.type, "accepted")));
    expect(n).toBe(1);
    expect(await shareOf(recipient.email)).toMatchObject({ status: "active" });
    const winners = answers.filter((r) => !r.body.includes("already")).length;
    expect(winners).toBe(1);
  });

  it("sign-in attempts spread over both servers hit the limit at the same count as on one", async () => {
    // Per account and address: 10 wrong passwords in 15 minutes, then even the right one is refused.
    const firstRefused = async (servers: AppServer[]) => {
      const user = await addUser("locked");
      for (let i = 0; i < 20; i++) {
        const server = servers[i % servers.length];
        const wrong = i < 10;
        const res = await postSignIn(
          server.baseUrl,
          user.email,
          wrong ? "wrong-password" : PASSWORD,
        );
        const signedIn = res.headers
          .getSetCookie()
          .some((c) => c.startsWith("authjs.session-token="));
        if (!wrong) return { attempt: i + 1, signedIn };
      }
      throw new Error("unreachable");
    };
    const one = await firstRefused([a]);
    const two = await firstRefused([a, b]);
    expect(one).toEqual({ attempt: 11, signedIn: false });
    expect(two).toEqual(one);
  });

  it("a due reminder is sent once, though both servers' schedulers look for it", async () => {
    const owner = await addUser("reminded");
    const recipient = await addUser("reminded-recipient");
    const devices = await addDevices(owner.id, 1);
    const ownerCookie = await signIn(owner.email, PASSWORD, a.baseUrl);
    await callAction(a.baseUrl, "/devices", ownerCookie, "shareDevicesAction", [
      undefined,
      shareInput([recipient.email], devices),
    ]);
    const share = await shareOf(recipient.email);
    // Made ten days ago, expiring in two: the 72-hour reminder is due now.
    await transaction(cluster.db, async (tx) => {
      await tx
        .update(t.shares)
        .set({ createdAt: Date.now() - 10 * DAY, expiresAt: Date.now() + 2 * DAY })
        .where(eq(t.shares.id, share.id));
    });
    const reminders = () =>
      cluster.db
        .select()
        .from(t.emails)
        .where(and(eq(t.emails.to, owner.email), like(t.emails.subject, "%expires%")));
    await expect.poll(async () => (await reminders()).length, { timeout: 20_000 }).toBe(1);
    // Several more rounds of both schedulers and both email workers.
    await new Promise((r) => setTimeout(r, 4_000));
    const sent = await reminders();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ status: "outbox", attempts: 1 });
    const claims = await cluster.db
      .select()
      .from(t.shareReminders)
      .where(eq(t.shareReminders.shareId, share.id));
    expect(claims).toHaveLength(1);
  });

  it("SIGKILL of one server in the middle of a bulk share leaves all of it or none", async () => {
    const owner = await addUser("bulk");
    const devices = await addDevices(owner.id, BULK_DEVICES);
    const recipients = Array.from({ length: BULK_RECIPIENTS }, (_, i) => `bulk${i}@two.test`);
    const victim = await cluster.start(VICTIM_PORT);
    const cookie = await signIn(owner.email, PASSWORD, victim.baseUrl);
    const pending = callAction(victim.baseUrl, "/devices", cookie, "shareDevicesAction", [
      undefined,
      shareInput(recipients, devices),
    ]).catch((e: unknown) => e);
    // Kill it once its transaction is writing the items (seen on the server's own activity view).
    await expect
      .poll(
        async () => {
          const { rows } = await cluster.db.execute<{ n: number }>(
            "select count(*)::int as n from pg_stat_activity " +
              `where datname = current_database() and query ilike 'insert into "share_items"%'`,
          );
          return rows[0].n;
        },
        { timeout: 60_000, interval: 20 },
      )
      .toBeGreaterThan(0);
    process.kill(victim.pid, "SIGKILL");
    await pending;
    // PostgreSQL rolls back the dead connection's transaction once it notices it is gone.
    await expect
      .poll(
        async () => {
          const { rows } = await cluster.db.execute<{ n: number }>(
            `select count(*)::int as n from pg_stat_activity where datname = current_database()
              and pid <> pg_backend_pid() and (state like 'idle in transaction%'
              or (state = 'active' and query ilike 'insert into "share_items"%'))`,
          );
          return rows[0].n;
        },
        { timeout: 30_000 },
      )
      .toBe(0);
    const [{ shares }] = await cluster.db
      .select({ shares: count() })
      .from(t.shares)
      .where(eq(t.shares.sharerId, owner.id));
    const [{ items }] = await cluster.db
      .select({ items: count() })
      .from(t.shareItems)
      .where(eq(t.shareItems.sharerId, owner.id));
    expect([0, BULK_RECIPIENTS]).toContain(shares);
    expect(items).toBe(shares * BULK_DEVICES);
    // The other server carries on.
    const still = await fetchAs(b.baseUrl, "/sign-in");
    expect(still.status).toBe(200);
  });
});
