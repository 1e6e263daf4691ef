// (g) The API: GET /api/v1/shares (the fleet owner's 10,000 shares) against a floor route
// that only authenticates the token, and POST /api/v1/shares with 1,000 devices × 100
// recipients against shareDevices alone on the same fresh fleet.
import { transaction, type Conn, type Db } from "@/db/engine";
import { apiTokens } from "@/db/schema";
import { generateToken } from "@/lib/api/tokens";
import { hashToken } from "@/lib/sharing/tokens";
import { closeDb } from "@/db/engine";
import { expectItems, freshFleet, openFleet, timeDomain } from "./bulk-share";
import { LOAD_SECONDS, WARMUP_SECONDS, scaled } from "./config";
import { allowServerOnly } from "./in-process";
import { load, summarize } from "./load";

export const API_FLOOR = "/api-floor";
export const API_LIST = "/api/v1/shares?direction=outgoing&limit=50";

/** A read+write token for `userId`, written straight into the database. */
export async function insertToken(db: Conn, userId: string, now: number): Promise<string> {
  const token = generateToken();
  await transaction(db, async (tx) => {
    await tx.insert(apiTokens).values({
      id: `bench-${userId}-${now}`,
      userId,
      name: "bench",
      tokenHash: hashToken(token),
      prefix: token.slice(0, 7),
      scopes: "read,write",
      createdAt: now,
    });
  });
  return token;
}

/** Floor, list, list, floor (see versusFloor in run.ts), saturated then at one connection. */
export async function apiVersusFloor(token: string, pid: number, connections: number[]) {
  const headers = { authorization: `Bearer ${token}` };
  await load(API_FLOOR, headers, WARMUP_SECONDS, connections[0], pid);
  await load(API_LIST, headers, WARMUP_SECONDS, connections[0], pid);
  const out = [];
  for (const c of connections) {
    const half = LOAD_SECONDS / 2;
    const f1 = await load(API_FLOOR, headers, half, c, pid);
    const p1 = await load(API_LIST, headers, half, c, pid);
    const p2 = await load(API_LIST, headers, half, c, pid);
    const f2 = await load(API_FLOOR, headers, half, c, pid);
    out.push({ connections: c, floor: summarize(f1, f2), page: summarize(p1, p2) });
  }
  return out;
}

const DEVICES = scaled(1_000);
const RECIPIENTS = 100;
const ROUNDS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timeApi(devices: number, recipients: number): Promise<number> {
  const now = Date.now();
  const fleet = await freshFleet("bulk_api", devices, recipients, now);
  const { deviceIds, emails } = fleet;
  const db = openFleet(fleet);
  const token = await insertToken(db, "owner", now);
  // The route handler takes its database from getDb(): point the process-wide one here.
  const global = globalThis as unknown as { keyshareEngineDb?: Db };
  global.keyshareEngineDb = db;
  allowServerOnly();
  const { POST } = await import("@/app/api/v1/shares/route");
  const body = JSON.stringify({
    deviceIds,
    recipients: emails,
    permissions: "Operator",
    expiresAt: new Date(now + 30 * 86_400_000).toISOString(),
    description: "Bench",
    notify: false,
  });
  const started = performance.now();
  const res = await POST(
    new Request("http://127.0.0.1/api/v1/shares", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body,
    }),
  );
  await res.text();
  const ms = performance.now() - started;
  if (res.status !== 201) throw new Error(`POST /api/v1/shares answered ${res.status}`);
  global.keyshareEngineDb = undefined;
  await closeDb(db);
  await expectItems(fleet.where, devices * recipients);
  return ms;
}

/** Median of 3 rounds each, alternating which side goes first. */
export async function measureApiBulkShare() {
  await timeApi(50, 10);
  await timeDomain(50, 10);
  const api: number[] = [];
  const domain: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    if (r % 2 === 1) domain.push(await timeDomain(DEVICES, RECIPIENTS));
    api.push(await timeApi(DEVICES, RECIPIENTS));
    if (r % 2 === 0) domain.push(await timeDomain(DEVICES, RECIPIENTS));
  }
  console.log(
    `  rounds (ms): API ${api.map((x) => x.toFixed(0)).join(", ")}; shareDevices ${domain.map((x) => x.toFixed(0)).join(", ")}`,
  );
  return { items: DEVICES * RECIPIENTS, apiMs: median(api), domainMs: median(domain) };
}
