// Issue 12: caps on what one sharer can make the server do at once, or per day.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { transaction } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { DomainError, RateLimitedError } from "@/lib/platform/errors";
import { LIMITS } from "@/lib/platform/rate-limit";
import { spendInvitations } from "./invite-quota";
import { makeUser, T0, testDb } from "./test-fixtures";
import { MAX_SHARE_ITEMS, safeParseShareInput } from "./validation";

beforeEach(() => vi.stubEnv("KEYSHARE_RATE_LIMIT", ""));
afterEach(() => vi.unstubAllEnvs());

const ids = (n: number, p = "d") => Array.from({ length: n }, (_, i) => `${p}${i}`);
const emails = (n: number) => Array.from({ length: n }, (_, i) => `r${i}@x.test`);
const base = { permissions: "Viewer", expiresAt: T0 + 86_400_000 };

describe("devices × recipients in one share", () => {
  it("allows up to 100,000 items and refuses one row more, with the figures", () => {
    expect(MAX_SHARE_ITEMS).toBe(100_000);
    expect(
      safeParseShareInput({ ...base, deviceIds: ids(1_000), recipients: emails(100) }, T0).ok,
    ).toBe(true);
    const r = safeParseShareInput({ ...base, deviceIds: ids(10_000), recipients: emails(11) }, T0);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.fieldErrors.deviceIds).toEqual([
        expect.stringMatching(
          /10,000 devices × 11 recipients is 110,000 shared items; one share can hold at most 100,000/,
        ),
      ]);
  });

  it("checks the chosen services of 10,000 devices against the selection", () => {
    const deviceIds = ids(10_000);
    const services = Object.fromEntries(deviceIds.map((d) => [d, "all" as const]));
    expect(
      safeParseShareInput({ ...base, deviceIds, recipients: emails(1), services }, T0).ok,
    ).toBe(true);
    const stray = safeParseShareInput(
      { ...base, deviceIds, recipients: emails(1), services: { ...services, other: "all" } },
      T0,
    );
    expect(stray.ok).toBe(false);
    if (!stray.ok)
      expect(stray.fieldErrors.services).toEqual([
        "Services were chosen for a device that is not selected.",
      ]);
  });
});

describe("invitation emails per sharer per day", () => {
  it("allows the daily number, then refuses with a message that says what to do", async () => {
    const db = await testDb();
    const u = await makeUser(db);
    await spendInvitations(db, u.id, LIMITS.invitationsPerSharerDay.limit - 1, T0);
    await spendInvitations(db, u.id, 1, T0);
    await expect(async () => spendInvitations(db, u.id, 1, T0 + 1)).rejects.toThrow(
      /at most 1,000 invitation emails a day.*Untick "Notify recipients"/,
    );
    // The portal shows this message as it is; the API answers 429 with Retry-After from retryAfterS.
    const refusal = await spendInvitations(db, u.id, 1, T0 + 3_600_000 + 1).catch((e) => e);
    expect(refusal).toBeInstanceOf(RateLimitedError);
    expect(refusal).toMatchObject({
      code: "rate_limited",
      field: "notify",
      retryAfterS: 82_800, // the window opened at T0: it frees up 23 h after this attempt
      message:
        "You can send at most 1,000 invitation emails a day, and this would go over it. " +
        'Untick "Notify recipients" to share without emails (each recipient still gets a sharing link), ' +
        "or try again in 23 h.",
    });
    await spendInvitations(db, u.id, 1, T0 + 86_400_000); // the next day
    await spendInvitations(db, u.id, 0, T0 + 86_400_001); // sharing without emails spends nothing
  });

  it("a refusal inside the sharer's transaction leaves no count behind", async () => {
    const db = await testDb();
    const u = await makeUser(db);
    await expect(async () =>
      transaction(db, async (tx) => {
        await spendInvitations(tx, u.id, 600, T0); // counted, then rolled back with the refusal
        await spendInvitations(tx, u.id, 600, T0);
      }),
    ).rejects.toThrow(RateLimitedError);
    expect(await db.select().from(rateLimits)).toEqual([]);
  });

  it("more than a whole day's emails at once is a request to change (422), never one to retry later", async () => {
    const db = await testDb();
    const u = await makeUser(db);
    const refusal = await spendInvitations(db, u.id, 1_200, T0).catch((e) => e);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).not.toBeInstanceOf(RateLimitedError);
    expect(refusal).toMatchObject({
      code: "invalid",
      field: "notify",
      message:
        "This would send 1,200 invitation emails, more than the 1,000 invitation emails a day a sharer may send. " +
        'Untick "Notify recipients" to share without emails (each recipient still gets a sharing link), ' +
        "or invite fewer people at a time.",
    });
    // Nothing was counted: the whole day's quota is still there.
    expect(await db.select().from(rateLimits)).toEqual([]);
    await spendInvitations(db, u.id, LIMITS.invitationsPerSharerDay.limit, T0 + 1);
  });
});
