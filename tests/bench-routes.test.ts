// The load test's routes (app/(bench)/load-api) answer what the async domain returned, and
// turn its refusals into 4xx: before, an un-awaited answer went out as "{}" and a refusal
// escaped as an unhandled rejection, so `npm run load` counted every share as failed.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DomainError } from "@/lib/platform/errors";

const session = vi.hoisted(() => ({ user: null as null | { id: string } }));
vi.mock("@/lib/accounts/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("@/db/client", () => ({ getDb: () => ({}) }));

const { benchRoute } = await import("@/app/(bench)/load-api/guard");

const post = (body: string) =>
  new Request("http://127.0.0.1/load-api/share", { method: "POST", body });
const later = <T>(v: T) => new Promise<T>((resolve) => setTimeout(() => resolve(v), 5));

describe("benchRoute", () => {
  beforeEach(() => {
    vi.stubEnv("KEYSHARE_BENCH", "1");
    session.user = { id: "u1" };
  });
  afterEach(() => vi.unstubAllEnvs());

  it("answers the JSON the async handler resolves to", async () => {
    const res = await benchRoute(post("{}"), async ({ user }) => later({ shares: [user.id] }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ shares: ["u1"] });
  });

  it("turns a refusal thrown after an await into its status and message", async () => {
    const res = await benchRoute(post("{}"), async () => {
      await later(null);
      throw new DomainError("That share is gone.", undefined, "conflict");
    });
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ error: "That share is gone.", code: "conflict" });
  });

  it("lets any other failure through (the load test sees a 500)", async () => {
    await expect(
      benchRoute(post("{}"), async () => {
        await later(null);
        throw new Error("disk full");
      }),
    ).rejects.toThrow("disk full");
  });

  it("is not there outside the bench, and refuses the signed-out and malformed JSON", async () => {
    const ok = async () => ({ fine: true });
    vi.stubEnv("KEYSHARE_BENCH", "0");
    expect((await benchRoute(post("{}"), ok)).status).toBe(404);
    vi.stubEnv("KEYSHARE_BENCH", "1");
    expect((await benchRoute(post("{not json"), ok)).status).toBe(400);
    session.user = null;
    expect((await benchRoute(post("{}"), ok)).status).toBe(401);
  });
});
