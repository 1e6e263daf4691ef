// The authorization matrix (docs/rules.md, "Cross-cutting checks"; Rule 9).
// Who may call what. Every exported server action × every actor, table-driven;
// a new action without a row fails the suite. Deny = ok:false with a message and not one
// byte of the database changed. Then the reads the pages use, as each actor.
import "./support/mocks/actions";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  state,
  callAction,
  dumpDb,
  loadActions,
  toFormData,
  type ActionResult,
} from "./support/harness";
import {
  ACTORS,
  RECIPIENT_ACTORS,
  WORLD_PASSWORD,
  disposeWorldTemplate,
  freshWorld,
  userOf,
  type Actor,
  type RecipientActor,
  type World,
} from "./support/world";
import { getOwnedDevice } from "@/lib/devices/queries";
import { getShareForRecipient, getShareForSharer } from "@/lib/sharing/share-details";
import { listSharedByMe, listSharedWithMe } from "@/lib/sharing/queries";
import { resolveLink } from "@/lib/sharing/lifecycle";
import { verifyEmailWithToken } from "@/lib/accounts/verification";
import { users } from "@/db/schema";
import { linkState } from "@/lib/sharing/links/link-state";
import { checkAccess, listAccessibleDevices } from "@/lib/access/check";
import { getRecipientDeviceView } from "@/lib/access/recipient-device";

type Row = {
  /** Actors whose call must succeed; every other actor must be refused. */
  allow: readonly Actor[];
  /** Allowed calls that must write nothing (reads); a function when it depends on the actor. */
  read?: boolean | ((a: Actor) => boolean);
  /** A filtering read: refused actors get ok:true with an empty list instead of ok:false. */
  emptyForOthers?: boolean;
  inputs: (w: World, a: Actor) => unknown[];
};

const SIGNED_IN = ACTORS.filter((a) => a !== "anon");
const EVERYONE = ACTORS;
const isRecipientActor = (a: Actor): a is (typeof RECIPIENT_ACTORS)[number] =>
  (RECIPIENT_ACTORS as readonly string[]).includes(a);
/** Actors a share of the owner's is addressed to: the recipients, and the unverified account. */
const hasShare = (a: Actor): a is RecipientActor | "unverified" =>
  isRecipientActor(a) || a === "unverified";
const uniq = <T>(xs: T[]) => [...new Set(xs)];
/** A sharer-side target: the sharer's share of `kind`; recipients also try their own share. */
const sharerSide = (w: World, a: Actor, kind: RecipientActor) =>
  uniq([w.shares[kind].id, ...(hasShare(a) ? [w.shares[a].id] : [])]);
/** A recipient-side target: the share of `kind`; other recipients also try their own share. */
const recipientSide = (
  w: World,
  a: Actor,
  kind: "active" | "pending",
  key: "id" | "token" = "id",
) => uniq([w.shares[kind][key], ...(hasShare(a) ? [w.shares[a][key]] : [])]);
/** The link rows: the unverified account answers its own link (the one path it has); everyone else tries the pending one and their own. */
const linkTokens = (w: World, a: Actor) =>
  a === "unverified" ? [w.shares.unverified.token] : recipientSide(w, a, "pending", "token");

const MATRIX: Record<string, Row> = {
  // Public by design. Sign-in writes only its attempt counters (left out of the dump).
  "auth:signInAction": {
    allow: EVERYONE,
    read: true,
    inputs: (w) => [toFormData({ email: w.users.owner.email, password: "whatever-it-is" })],
  },
  "auth:signUpAction": {
    allow: EVERYONE,
    inputs: (_w, a) => [
      toFormData({ name: "New", email: `new-${a}@example.test`, password: "long enough password" }),
    ],
  },
  "auth:signOutAction": { allow: EVERYONE, read: true, inputs: () => [undefined] },
  // Only ever the caller's own password: the action takes no user id.
  "auth:changePasswordAction": {
    allow: SIGNED_IN,
    inputs: () => [{ currentPassword: WORLD_PASSWORD, newPassword: "another long password" }],
  },
  // Public by design: the same answer whether or not the address has an account (this one has).
  "account:forgotPasswordAction": {
    allow: EVERYONE,
    inputs: (w) => [toFormData({ email: w.users.owner.email })],
  },
  // The emailed token is the credential, whoever holds it (it was sent to the owner's address).
  "account:resetPasswordAction": {
    allow: EVERYONE,
    inputs: (w) => [toFormData({ token: w.tokens.reset, newPassword: "a brand new password" })],
  },
  // Only an account still to be verified; a verified one is told so and nothing is sent.
  "account:resendVerificationAction": { allow: ["unverified"], inputs: () => [new FormData()] },
  "account:signOutEverywhereAction": { allow: SIGNED_IN, inputs: () => [new FormData()] },
  "policies:savePoliciesAction": {
    allow: SIGNED_IN,
    inputs: () => [{ defaultExpiry: "7d", maxExpiryDays: "", allowedDomains: "" }],
  },
  // Tokens are always the caller's own: create takes no user id, revoke only finds the caller's.
  "api-tokens:createApiTokenAction": {
    allow: SIGNED_IN,
    inputs: () => [{ name: "CI script", scopes: ["read", "write"], expires: "30" }],
  },
  "api-tokens:revokeApiTokenAction": {
    allow: ["owner"],
    inputs: (w) => [{ tokenId: w.api.owner.id }],
  },
  // Endpoints are the caller's own; delete and redeliver find only the caller's.
  "webhooks:addWebhookEndpointAction": {
    allow: SIGNED_IN,
    inputs: () => [{ url: "https://hooks.example.test/other", events: ["share.created"] }],
  },
  "webhooks:deleteWebhookEndpointAction": {
    allow: ["owner"],
    inputs: (w) => [{ endpointId: w.webhook.endpointId }],
  },
  "webhooks:redeliverWebhookAction": {
    allow: ["owner"],
    inputs: (w) => [{ deliveryId: w.webhook.deliveryId }],
  },
  "devices:createDeviceAction": {
    allow: SIGNED_IN,
    inputs: () => [{ name: "New one", hardwareId: "BB:01" }],
  },
  "devices:importDevicesAction": {
    allow: SIGNED_IN,
    inputs: () => [{ csv: "name,hardware_id\nImported,CC:01" }],
  },
  "devices:updateDeviceAction": {
    allow: ["owner"],
    inputs: (w) => [{ deviceId: w.dev.d1.id, name: "Renamed", hardwareId: "DD:01" }],
  },
  "devices:deleteDeviceAction": { allow: ["owner"], inputs: (w) => [{ deviceId: w.dev.d1.id }] },
  "devices:addServiceAction": {
    allow: ["owner"],
    inputs: (w) => [{ deviceId: w.dev.d1.id, name: "Web", kind: "HTTP", port: 80 }],
  },
  "devices:removeServiceAction": {
    allow: ["owner"],
    inputs: (w) => [{ deviceId: w.dev.d1.id, serviceId: w.svc.id }],
  },
  "shares:shareDevicesAction": {
    allow: ["owner"],
    inputs: (w) => [
      {
        recipients: ["fresh@example.test"],
        deviceIds: [w.dev.d1.id],
        permissions: "Viewer",
        expiresAt: Date.now() + 86_400_000,
      },
    ],
  },
  // "Cancel and share again": the share to replace must be the caller's own; the stranger tries with their own device.
  "shares:shareDevicesAction(replace)": {
    allow: ["owner"],
    inputs: (w, a) =>
      sharerSide(w, a, "active").map((replaceShareId) => ({
        recipients: ["fresh@example.test"],
        deviceIds: [a === "stranger" ? w.dev.foreign.id : w.dev.d1.id],
        permissions: "Viewer",
        expiresAt: Date.now() + 86_400_000,
        replaceShareId,
      })),
  },
  "share-suspend:suspendShareAction": {
    allow: ["owner"],
    inputs: (w, a) => sharerSide(w, a, "active").map((shareId) => ({ shareId })),
  },
  "share-suspend:resumeShareAction": {
    allow: ["owner"],
    inputs: (w, a) => sharerSide(w, a, "suspended").map((shareId) => ({ shareId })),
  },
  "shares:listServicesAction": {
    allow: ["owner"],
    read: true,
    emptyForOthers: true,
    inputs: (w) => [{ deviceIds: [w.dev.d1.id] }],
  },
  "share-manage:extendSharesAction": {
    allow: ["owner"],
    inputs: (w, a) => sharerSide(w, a, "active").map((id) => ({ shareIds: [id], by: "7d" })),
  },
  "share-manage:cancelSharesAction": {
    allow: ["owner"],
    inputs: (w, a) => sharerSide(w, a, "active").map((id) => ({ shareIds: [id] })),
  },
  "share-manage:cancelDevicesAction": {
    allow: ["owner"],
    inputs: (w, a) =>
      sharerSide(w, a, "active").map((shareId) => ({ shareId, deviceIds: [w.dev.d1.id] })),
  },
  "share-manage:addDevicesAction": {
    allow: ["owner"],
    inputs: (w, a) =>
      sharerSide(w, a, "active").map((shareId) => ({ shareId, deviceIds: [w.dev.d3.id] })),
  },
  "share-manage:copyLinkAction": {
    allow: ["owner"],
    read: true,
    inputs: (w, a) => sharerSide(w, a, "pending").map((shareId) => ({ shareId })),
  },
  "share-manage:regenerateLinkAction": {
    allow: ["owner"],
    inputs: (w, a) => sharerSide(w, a, "pending").map((shareId) => ({ shareId })),
  },
  "share-manage:resendInvitationAction": {
    allow: ["owner"],
    inputs: (w, a) => sharerSide(w, a, "pending").map((shareId) => ({ shareId })),
  },
  "share-manage:searchAddableDevicesAction": {
    allow: ["owner"],
    read: true,
    inputs: (w, a) => sharerSide(w, a, "active").map((shareId) => ({ shareId, q: "" })),
  },
  // The owner's use is not logged; a recipient's use is written to the share's activity.
  "device-operations:performOperationAction": {
    allow: ["owner", "active", "member"],
    read: (a) => a === "owner",
    inputs: (w) => [{ deviceId: w.dev.d1.id, operation: "view" }],
  },
  "share-respond:acceptShareAction": {
    allow: ["pending"],
    inputs: (w, a) => recipientSide(w, a, "pending").map((shareId) => ({ shareId })),
  },
  "share-respond:declineShareAction": {
    allow: ["pending"],
    inputs: (w, a) => recipientSide(w, a, "pending").map((shareId) => ({ shareId })),
  },
  // A suspended share can be left too (only its own, of course).
  // A group member leaves the group's share for themselves; a former member, or anyone else, cannot.
  "share-respond:leaveShareAction": {
    allow: ["active", "suspended", "member"],
    inputs: (w, a) =>
      (a === "suspended"
        ? [w.shares.suspended.id]
        : a === "member"
          ? [w.group.shareId]
          : [...recipientSide(w, a, "active"), ...(a === "active" ? [] : [w.group.shareId])]
      ).map((shareId) => ({ shareId })),
  },
  // Groups belong to their owner: everyone else (members and former members included) gets 404.
  "groups:createGroupAction": {
    allow: SIGNED_IN,
    inputs: () => [toFormData({ name: "New crew", members: "fresh@example.test" })],
  },
  "groups:addMembersAction": {
    allow: ["owner"],
    inputs: (w) => [{ groupId: w.group.id, members: "fresh@example.test" }],
  },
  "groups:removeMemberAction": {
    allow: ["owner"],
    inputs: (w) => [{ groupId: w.group.id, email: w.users.member.email }],
  },
  "groups:renameGroupAction": {
    allow: ["owner"],
    inputs: (w) => [{ groupId: w.group.id, name: "Renamed crew" }],
  },
  "groups:deleteGroupAction": {
    allow: ["owner"],
    inputs: (w) => [{ groupId: w.group.id }],
  },
  // The link is proof of the address: an account that never verified it may answer its own link.
  "share-respond:acceptLinkAction": {
    allow: ["pending", "unverified"],
    inputs: (w, a) => linkTokens(w, a).map((token) => ({ token })),
  },
  "share-respond:declineLinkAction": {
    allow: ["pending", "unverified"],
    inputs: (w, a) => linkTokens(w, a).map((token) => ({ token })),
  },
};

const actions = await loadActions();
/** "file:export(variant)" → "file:export": an action may have several rows. */
const exportOf = (key: string) => key.replace(/\(.*\)$/, "");
const call = callAction;

let w: World;
beforeEach(async () => {
  w = await freshWorld();
  state.db = w.db;
});
afterEach(() => {
  state.db = null;
  state.user = null;
});
afterAll(disposeWorldTemplate);

describe("every exported server action has a row in the matrix", () => {
  it("the matrix and lib/actions agree", () => {
    expect([...actions.keys()].sort()).toEqual(
      [...new Set(Object.keys(MATRIX).map(exportOf))].sort(),
    );
  });
});

describe.each(Object.entries(MATRIX))("%s", (key, row) => {
  it.each(ACTORS)("as %s", async (actor) => {
    const fn = actions.get(exportOf(key));
    expect(fn, `${key} is not exported`).toBeTypeOf("function");
    state.user = userOf(w, actor);
    const allowed = row.allow.includes(actor);
    for (const input of row.inputs(w, actor)) {
      const before = await dumpDb(w.db);
      const res = await call(fn!, input);
      const after = await dumpDb(w.db);
      if (allowed) {
        expect(
          res === "redirect" || res?.ok === true,
          `${key} as ${actor}: ${JSON.stringify(res)}`,
        ).toBe(true);
        if (typeof row.read === "function" ? row.read(actor) : row.read)
          expect(after, "a read wrote to the database").toBe(before);
        else expect(after, "an allowed write changed nothing").not.toBe(before);
      } else if (row.emptyForOthers && actor !== "anon") {
        expect(res).toMatchObject({ ok: true, data: [] });
        expect(after).toBe(before);
      } else {
        expect(res, `${key} as ${actor} was not refused`).not.toBe("redirect");
        expect(res, `${key} as ${actor} was not refused`).toMatchObject({
          ok: false,
          message: expect.stringMatching(/\S/),
        });
        // Anonymous callers are stopped by the session check itself, not by a later crash.
        if (actor === "anon") expect((res as ActionResult)?.message).toMatch(/sign in/i);
        expect(after, `${key} as ${actor} wrote to the database`).toBe(before);
      }
    }
  });
});

describe("reads the pages use, as each actor", () => {
  const now = () => Date.now();
  const shareIds = () => Object.values(w.shares).map((s) => s.id);

  it.each(ACTORS.filter((a) => a !== "anon"))(
    "getOwnedDevice / getShareForSharer / listSharedByMe as %s",
    async (actor) => {
      const u = w.users[actor];
      const owner = actor === "owner";
      for (const d of [w.dev.d1, w.dev.d2, w.dev.d3])
        expect((await getOwnedDevice(w.db, u.id, d.id)) !== null).toBe(owner);
      expect((await getOwnedDevice(w.db, u.id, w.dev.foreign.id)) !== null).toBe(
        actor === "stranger",
      );
      for (const id of shareIds())
        expect(
          (await getShareForSharer(w.db, { shareId: id, sharerId: u.id, now: now() })) !== null,
        ).toBe(owner);
      expect(
        (await getShareForSharer(w.db, {
          shareId: w.group.shareId,
          sharerId: u.id,
          now: now(),
        })) !== null,
      ).toBe(owner);
      // The owner's shares: one per recipient actor, and one for the group.
      expect((await listSharedByMe(w.db, { sharerId: u.id, now: now() })).total).toBe(
        owner ? shareIds().length + 1 : 0,
      );
    },
  );

  it.each(ACTORS.filter((a) => a !== "anon"))(
    "getShareForRecipient / listSharedWithMe as %s",
    async (actor) => {
      const u = w.users[actor];
      for (const [kind, s] of Object.entries(w.shares)) {
        const detail = await getShareForRecipient(w.db, { shareId: s.id, user: u, now: now() });
        // The unverified account's share is addressed to its email, which it never proved: 404.
        expect(detail !== null, `${actor} reading the ${kind} share`).toBe(
          kind === actor && actor !== "unverified",
        );
        // Ended shares keep their page but no longer show their devices.
        if (detail)
          expect(detail.items.length > 0).toBe(
            kind === "active" || kind === "pending" || kind === "suspended",
          );
      }
      // The group share: its current member only, never a former member or the owner.
      const viaGroup = await getShareForRecipient(w.db, {
        shareId: w.group.shareId,
        user: u,
        now: now(),
      });
      expect(viaGroup !== null, `${actor} reading the group share`).toBe(actor === "member");
      const mine = await listSharedWithMe(w.db, { user: u, now: now() });
      expect(mine.groups.flatMap((g) => g.shares.map((r) => r.share.id))).toEqual(
        isRecipientActor(actor)
          ? [w.shares[actor].id]
          : actor === "member"
            ? [w.group.shareId]
            : [],
      );
    },
  );

  it.each(ACTORS.filter((a) => a !== "anon"))(
    "checkAccess / getRecipientDeviceView / listAccessibleDevices as %s",
    async (actor) => {
      const u = w.users[actor];
      for (const d of [w.dev.d1, w.dev.d2]) {
        const r = await checkAccess(w.db, {
          userId: u.id,
          deviceId: d.id,
          operation: "view",
          now: now(),
        });
        expect(r.allowed, `${actor} viewing ${d.name}`).toBe(
          actor === "owner" || actor === "active" || (actor === "member" && d === w.dev.d1),
        );
        // The non-owner half of /devices/[id]: null (404) for everyone without a current share.
        // A suspended recipient is told "suspended" on the page (devices, no access); the rest get 404.
        const view = await getRecipientDeviceView(w.db, {
          userId: u.id,
          deviceId: d.id,
          now: now(),
        });
        expect(view !== null).toBe(
          actor === "active" || ((actor === "suspended" || actor === "member") && d === w.dev.d1),
        );
        if (actor === "suspended" && view)
          expect({ services: view.services, view: view.access.view.allowed }).toEqual({
            services: [],
            view: false,
          });
      }
      expect(
        (
          await checkAccess(w.db, {
            userId: u.id,
            deviceId: w.dev.d3.id,
            operation: "view",
            now: now(),
          })
        ).allowed,
      ).toBe(actor === "owner");
      expect(
        (
          await checkAccess(w.db, {
            userId: u.id,
            deviceId: w.dev.foreign.id,
            operation: "view",
            now: now(),
          })
        ).allowed,
      ).toBe(actor === "stranger");
      const listed = (await listAccessibleDevices(w.db, { userId: u.id, now: now() }))
        .map((d) => d.deviceId)
        .sort();
      expect(listed).toEqual(
        actor === "active"
          ? [w.dev.d1.id, w.dev.d2.id].sort()
          : actor === "member"
            ? [w.dev.d1.id]
            : [],
      );
    },
  );

  it("resolveLink: only the pending share's link is open; forged and cancelled links say nothing", async () => {
    const states = Object.fromEntries(
      await Promise.all(
        Object.entries(w.shares).map(async ([k, s]) => [
          k,
          linkState(await resolveLink(w.db, s.token, now())),
        ]),
      ),
    );
    expect(states).toEqual({
      active: "used",
      pending: "open",
      expired: "used",
      cancelled: "invalid",
      left: "used",
      declined: "declined",
      suspended: "used",
      unverified: "open",
    });
    const forged =
      w.shares.pending.token.slice(0, -2) + (w.shares.pending.token.endsWith("AA") ? "BB" : "AA");
    expect(await resolveLink(w.db, forged, now())).toBeNull();
    expect(await resolveLink(w.db, "", now())).toBeNull();
  });

  it("the unverified account: its share by link only, never another address's link; verifying opens its share by id", async () => {
    const u = w.users.unverified;
    state.user = u;
    const accept = actions.get("share-respond:acceptLinkAction")!;
    // Another address's link is refused, and writes nothing.
    const before = await dumpDb(w.db);
    expect(await call(accept, { token: w.shares.pending.token })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/sent to/),
    });
    expect(await dumpDb(w.db)).toBe(before);
    // Verification link: spends the token, verifies this account only.
    expect(await verifyEmailWithToken(w.db, w.tokens.verify, now())).toEqual({ userId: u.id });
    expect(await verifyEmailWithToken(w.db, w.tokens.verify, now())).toBeNull();
    const verified = (await w.db.select().from(users))
      .filter((r) => r.emailVerified != null)
      .map((r) => r.id);
    expect(verified).toContain(u.id);
    const fresh = { ...u, emailVerified: now() };
    expect(
      await getShareForRecipient(w.db, {
        shareId: w.shares.unverified.id,
        user: fresh,
        now: now(),
      }),
    ).not.toBeNull();
    expect((await listSharedWithMe(w.db, { user: fresh, now: now() })).total).toBe(1);
  });

  it("an emailed token opens nothing but its own purpose and account", async () => {
    expect(await verifyEmailWithToken(w.db, w.tokens.reset, now())).toBeNull(); // a reset token does not verify
    expect(await verifyEmailWithToken(w.db, "A".repeat(43), now())).toBeNull();
  });
});
