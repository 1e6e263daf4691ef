// The one action wrapper: authentication, validation with nested field paths, echoed values
// without secrets, domain refusals, success data, redirects and NUL characters.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { DomainError } from "@/lib/platform/errors";
import { nextRedirect } from "@/tests/support/harness";
import { authedAction, publicAction, Refusal, Reply } from "./action";
import { flattenIssues } from "./field-errors";

const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string } }));
vi.mock("@/lib/accounts/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("@/db/client", () => ({ getDb: () => ({ fake: "db" }) }));

const schema = z.object({
  name: z.string().min(1, "Enter a name."),
  password: z.string().min(8, "At least 8 characters."),
  schedule: z.object({ weekdays: z.number().min(1, "Choose at least one weekday.") }).optional(),
});

const form = (o: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(o)) fd.append(k, v);
  return fd;
};

beforeEach(() => {
  session.user = { id: "u1", email: "u1@example.test" };
});

describe("authedAction", () => {
  it("refuses a caller without a session before validating or running anything", async () => {
    session.user = null;
    const handler = vi.fn();
    const res = await authedAction(schema, handler)(undefined, form({ name: "" }));
    expect(res).toMatchObject({ ok: false, message: expect.stringMatching(/sign in/i) });
    expect(res.fieldErrors).toBeUndefined();
    expect(handler).not.toHaveBeenCalled();
  });

  it("answers invalid input with nested field paths and echoes the values, never the password", async () => {
    const handler = vi.fn();
    const res = await authedAction(schema, handler)(undefined, {
      name: "",
      password: "short",
      schedule: { weekdays: 0 },
    });
    expect(handler).not.toHaveBeenCalled();
    expect(res.ok).toBe(false);
    expect(res.message).toBe("Please correct the highlighted fields.");
    expect(res.fieldErrors).toEqual({
      name: ["Enter a name."],
      password: ["At least 8 characters."],
      "schedule.weekdays": ["Choose at least one weekday."],
    });
    expect(res.values).toEqual({ name: "", schedule: { weekdays: 0 } });
  });

  it("echoes a form's values without password, token or secret fields", async () => {
    const res = await authedAction(schema, vi.fn())(
      undefined,
      form({
        name: "",
        password: "hunter22",
        newPassword: "x",
        token: "t",
        secret: "s",
        kind: "SSH",
      }),
    );
    expect(res.values).toEqual({ name: "", kind: "SSH" });
    const many = await authedAction(schema, vi.fn())(undefined, {
      name: "",
      ids: Array.from({ length: 1001 }, (_, i) => `d${i}`),
      few: ["a", "b"],
    });
    expect(many.values).toEqual({ name: "", few: ["a", "b"] });
    expect(JSON.stringify(res)).not.toMatch(/hunter22/);
  });

  it("maps a DomainError to its field, a Refusal to all its fields and data, anything else to a plain message", async () => {
    const input = { name: "n", password: "long enough" };
    const field = await authedAction(schema, () => {
      throw new DomainError("Name taken.", "name", "conflict");
    })(undefined, input);
    expect(field).toMatchObject({
      ok: false,
      message: "Name taken.",
      fieldErrors: { name: ["Name taken."] },
    });
    expect(field.values).toEqual({ name: "n" });

    const many = await authedAction(schema, () => {
      throw new Refusal(
        "Nothing was shared.",
        { "schedule.timeZone": ["Unknown."] },
        { conflicts: [1] },
      );
    })(undefined, input);
    expect(many).toMatchObject({
      ok: false,
      message: "Nothing was shared.",
      fieldErrors: { "schedule.timeZone": ["Unknown."] },
      data: { conflicts: [1] },
    });

    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const bug = await authedAction(schema, () => {
      throw new Error("secret internals");
    })(undefined, input);
    spy.mockRestore();
    expect(bug.ok).toBe(false);
    expect(bug.message).toMatch(/Something went wrong on our side/);
    expect(JSON.stringify(bug)).not.toMatch(/secret internals/);
  });

  it("returns the handler's data on success, with the user, db and clock it was given", async () => {
    const handler = vi.fn(
      async (input: { name: string }, ctx: { user: { id: string }; now: number }) => ({
        hello: input.name,
        by: ctx.user.id,
        clock: typeof ctx.now,
      }),
    );
    const res = await authedAction(schema, handler)(
      undefined,
      form({ name: "Ada", password: "long enough" }),
    );
    expect(res).toEqual({ ok: true, data: { hello: "Ada", by: "u1", clock: "number" } });
    const said = await authedAction(schema, () => new Reply({ sent: true }, "Sent."))(undefined, {
      name: "Ada",
      password: "long enough",
    });
    expect(said).toEqual({ ok: true, message: "Sent.", data: { sent: true } });
  });

  it("lets a redirect thrown by the handler propagate (Next performs it)", async () => {
    const action = authedAction(schema, () => nextRedirect("/devices?added=1"));
    await expect(action(undefined, { name: "n", password: "long enough" })).rejects.toMatchObject({
      digest: expect.stringMatching(/^NEXT_REDIRECT;.*\/devices\?added=1/),
    });
  });

  it("refuses a NUL character in any field before the handler runs", async () => {
    const handler = vi.fn();
    const res = await authedAction(schema, handler)(undefined, {
      name: "a\u0000b",
      password: "long enough",
    });
    expect(handler).not.toHaveBeenCalled();
    expect(res).toMatchObject({ ok: false, fieldErrors: { name: [expect.stringMatching(/NUL/)] } });
  });
});

describe("publicAction", () => {
  it("runs without a session, reads only forms, and never echoes the password", async () => {
    session.user = null;
    const handler = vi.fn(async () => "done");
    const ok = await publicAction(schema, handler)(
      undefined,
      form({ name: "A", password: "long enough" }),
    );
    expect(ok).toEqual({ ok: true, data: "done" });
    // A crafted call with an object is read as an empty form.
    const crafted = await publicAction(schema, handler)(undefined, {
      name: "A",
      password: "long enough",
    });
    expect(crafted).toMatchObject({ ok: false, fieldErrors: { name: [expect.any(String)] } });
    const refused = await publicAction(schema, () => {
      throw new DomainError("Wrong email or password.", "password");
    })(undefined, form({ name: "A", password: "long enough" }));
    expect(refused).toEqual({
      ok: false,
      message: "Wrong email or password.",
      fieldErrors: { password: ["Wrong email or password."] },
      values: { name: "A" },
    });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it("lets a redirect propagate (sign-in succeeds by redirecting)", async () => {
    const action = publicAction(schema, () => nextRedirect("/devices"));
    await expect(
      action(undefined, form({ name: "A", password: "long enough" })),
    ).rejects.toMatchObject({
      digest: expect.stringMatching(/^NEXT_REDIRECT/),
    });
  });
});

describe("flattenIssues", () => {
  const s = z.object({
    recipients: z.array(z.email("Not an email.")),
    schedule: z.object({ timeZone: z.string("Choose a time zone.") }),
    services: z.record(z.string(), z.array(z.string()).min(1, "Choose one.")),
  });
  const error = s.safeParse({
    recipients: ["a@b.co", "x"],
    schedule: {},
    services: { d1: [] },
  }).error!;

  it("keys forms by path without array indices", () => {
    expect(flattenIssues(error).fieldErrors).toEqual({
      recipients: ["Not an email."],
      "schedule.timeZone": ["Choose a time zone."],
      "services.d1": ["Choose one."],
    });
  });

  it("keeps indices and a prefix for the API, and folds paths outside nestOnly", () => {
    expect(
      Object.keys(flattenIssues(error, { indices: true, prefix: "body" }).fieldErrors),
    ).toEqual(["body.recipients.1", "body.schedule.timeZone", "body.services.d1"]);
    expect(Object.keys(flattenIssues(error, { nestOnly: ["schedule"] }).fieldErrors)).toEqual([
      "recipients",
      "schedule.timeZone",
      "services",
    ]);
  });

  it("puts issues of the input itself in formErrors", () => {
    const r = flattenIssues(z.object({}).safeParse("nope").error!);
    expect(r.fieldErrors).toEqual({});
    expect(r.formErrors).toHaveLength(1);
  });
});
