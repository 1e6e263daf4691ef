// Hostile input (docs/rules.md, "Cross-cutting checks"; Rule 9).
// For every server action: a valid base input (checked to be
// accepted), then property-based mutations of one field at a time into something invalid,
// and whole inputs of any shape. Every case must be refused with a message, never throw,
// and leave the database byte-for-byte unchanged. The huge cases are explicit examples.
import "./support/mocks/actions";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  state,
  callAction,
  dumpDb,
  loadActions,
  type ActionResult,
  type AnyAction,
} from "./support/harness";
import {
  disposeWorldTemplate,
  freshWorld,
  isolatedWorld,
  userOf,
  DAY,
  type World,
} from "./support/world";
import * as H from "./support/hostile";
import { CASES, now, type Input } from "./support/hostile-cases";
import { devices, shareItems, shares } from "@/db/schema";
import { eq } from "drizzle-orm";

const actions = await loadActions();
/** Actions that take no input at all. */
const NO_INPUT = new Set([
  "auth:signOutAction",
  "account:resendVerificationAction",
  "account:signOutEverywhereAction",
]);
const exportOf = (key: string) => key.replace(/\(.*\)$/, "");
const RUNS = 60;

/** The auth forms only ever receive FormData: send each case the way a browser would. */
function send(form: boolean | undefined, input: unknown): unknown {
  if (!form || typeof input !== "object" || input === null || Array.isArray(input)) return input;
  const fd = new FormData();
  for (const [k, v] of Object.entries(input as Input)) if (v !== undefined) fd.append(k, String(v));
  return fd;
}

async function expectRefused(
  fn: AnyAction,
  input: unknown,
  what: string,
  emptyReadOk = false,
): Promise<void> {
  const db = state.db!;
  const before = await dumpDb(db);
  let res: Awaited<ReturnType<typeof callAction>>;
  try {
    res = await callAction(fn, input);
  } catch (e) {
    throw new Error(`${what}: threw instead of answering ok:false (${String(e).slice(0, 200)})`);
  }
  expect(res, `${what}: not refused`).not.toBe("redirect");
  const r = res as ActionResult;
  if (emptyReadOk && r?.ok === true) {
    expect(r.data, `${what}: a lookup of nothing found something`).toEqual([]);
    expect((await dumpDb(db)) === before, `${what}: wrote to the database`).toBe(true);
    return;
  }
  expect(r?.ok, `${what}: not refused: ${JSON.stringify(r).slice(0, 300)}`).toBe(false);
  expect(r?.message, `${what}: no message`).toMatch(/\S/);
  // A refusal must come from validation or the domain, not from an internal error.
  expect(r?.message, `${what}: internal error`).not.toMatch(/went wrong/i);
  expect((await dumpDb(db)) === before, `${what}: wrote to the database`).toBe(true);
}

function protoForm(): FormData {
  const fd = new FormData();
  fd.append("__proto__", new Blob(["x"]));
  return fd;
}

const show = (v: unknown): string => {
  try {
    return (JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? `${x}n` : x)) ?? String(v)).slice(
      0,
      120,
    );
  } catch {
    return Object.prototype.toString.call(v);
  }
};

afterAll(disposeWorldTemplate);

it("every action that takes input has hostile cases", () => {
  const covered = new Set(Object.keys(CASES).map(exportOf));
  expect([...actions.keys()].filter((k) => !NO_INPUT.has(k) && !covered.has(k))).toEqual([]);
  expect([...covered].filter((k) => !actions.has(k))).toEqual([]);
});

describe.each(Object.entries(CASES))("%s", (key, c) => {
  let w: World;
  const fn = () => actions.get(exportOf(key))!;
  beforeAll(async () => {
    w = await freshWorld();
    state.db = w.db;
    state.user = userOf(w, c.actor);
  });
  afterAll(() => {
    state.db = null;
    state.user = null;
  });

  it("accepts the valid base input (so each refusal below is the mutation's doing)", async () => {
    // A world of its own: the base input must work, and `w` must stay untouched for the
    // refusals below.
    const fresh = await isolatedWorld();
    state.db = fresh.db;
    state.user = userOf(fresh, c.actor);
    try {
      const res = await callAction(fn(), send(c.form, c.base(fresh)));
      expect(res === "redirect" || res?.ok === true, JSON.stringify(res)).toBe(true);
    } finally {
      state.db = w.db;
      state.user = userOf(w, c.actor);
      await fresh.close();
    }
  });

  it("refuses one invalid field at a time", async () => {
    const fields = Object.entries(c.bad(w)).map(([field, arb]) =>
      arb.map((value) => ({ field, value })),
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(...fields), async ({ field, value }) => {
        await expectRefused(
          fn(),
          send(c.form, { ...c.base(w), [field]: value }),
          `${field}=${show(value)}`,
        );
      }),
      { numRuns: RUNS },
    );
  });

  it("refuses inputs of any shape", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(H.anyInput, H.hostileForm), async (input) =>
        expectRefused(fn(), input, `input=${show(input)}`, c.emptyReadOk),
      ),
      // Regressions: the auth forms threw on anything but FormData; a posted "__proto__" file
      // became the parsed object's prototype and its getters threw inside validation.
      {
        numRuns: 25,
        examples: [
          [{}],
          [null],
          [undefined],
          ["x"],
          [new Set([new Number(0)])],
          [Object.create(null) as object],
          [protoForm()],
        ],
      },
    );
  });

  if (c.examples) {
    it("refuses the explicit examples (huge inputs, regressions)", async () => {
      for (const [i, input] of c.examples!(w).entries())
        await expectRefused(fn(), send(c.form, input), `example #${i}: ${show(input)}`);
    });
  }
});

describe("what is accepted is stored as given", () => {
  it("unicode device names are stored exactly (trimmed) or refused with a message, never mangled", async () => {
    const w = await freshWorld();
    state.db = w.db;
    state.user = w.users.owner;
    const create = actions.get("devices:createDeviceAction")!;
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 100, unit: "binary" }),
        async (name) => {
          const hardwareId = `FF:${++n}`;
          const res = await callAction(create, { name, hardwareId });
          const [row] = await w.db
            .select({ name: devices.name })
            .from(devices)
            .where(eq(devices.hardwareId, hardwareId));
          if (res === "redirect") expect(row?.name).toBe(name.trim());
          else
            expect({ ok: res?.ok, stored: row, hasMessage: /\S/.test(res?.message ?? "") }).toEqual(
              { ok: false, stored: undefined, hasMessage: true },
            );
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("duplicate recipients and devices are collapsed: one share per person, one item per device", async () => {
    const w = await freshWorld();
    state.db = w.db;
    state.user = w.users.owner;
    const res = await callAction(actions.get("shares:shareDevicesAction")!, {
      recipients: ["Dup@Example.test", " dup@example.test ", "dup@example.test,DUP@example.test"],
      deviceIds: [w.dev.d3.id, w.dev.d3.id, ` ${w.dev.d3.id}`],
      permissions: "Viewer",
      expiresAt: now + DAY,
    });
    expect(res).toMatchObject({ ok: true });
    const made = await w.db
      .select()
      .from(shares)
      .where(eq(shares.recipientEmail, "dup@example.test"));
    expect(made).toHaveLength(1);
    expect(
      await w.db.select().from(shareItems).where(eq(shareItems.shareId, made[0].id)),
    ).toHaveLength(1);
  });
});
