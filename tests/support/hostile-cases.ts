// The hostile inputs of every server action, for tests/hostile-input.test.ts: a valid base
// input per action, and per field the values that must make it invalid.
import fc from "fast-check";
import { DAY, WORLD_PASSWORD, type Actor, type World } from "./world";
import * as H from "./hostile";

export type Input = Record<string, unknown>;
export type Case = {
  actor: Actor;
  /** Sent as FormData (the auth forms). */
  form?: boolean;
  base: (w: World) => Input;
  /** Per field, values that make the input invalid. */
  bad: (w: World) => Record<string, fc.Arbitrary<unknown>>;
  /** A lookup: well-formed input naming nothing may answer ok:true with an empty list instead. */
  emptyReadOk?: boolean;
  /** Explicit inputs, each invalid: the huge ones, and regressions a random run may miss. */
  examples?: (w: World) => Input[];
};

export const now = Date.now();
const ids = (n: number, f: (i: number) => string = (i) => `forged-${i}`) =>
  Array.from({ length: n }, (_, i) => f(i));
const shareIdsBad = (w: World) =>
  fc.oneof(
    H.badId.map((x) => [x]),
    fc.constant([]),
    fc.array(H.forgedId, { minLength: 1, maxLength: 5 }),
    fc.constant([w.shares.active.id, "forged"]),
    fc.constant([w.shares.pending.id, w.shares.cancelled.id]),
    fc.constant([w.shares.active.id, w.shares.active.id, w.shares.left.id]),
    H.notString.filter((v) => typeof v !== "string"),
  );
const deviceIdsBad = (w: World) =>
  fc.oneof(
    fc.constant([]),
    fc.array(H.forgedId, { minLength: 1, maxLength: 5 }),
    H.notString,
    fc.constant([w.dev.demo.id]),
    fc.constant([w.dev.foreign.id]),
    fc.constant([w.dev.d3.id, w.dev.d3.id, "forged"]),
    fc.array(fc.oneof(H.tooLong(64), fc.integer(), fc.constant(null)), {
      minLength: 1,
      maxLength: 3,
    }),
  );
/** A share id that is forged, or names a share in a state that forbids the action. */
const endedOrForged = (w: World) =>
  fc.oneof(
    H.badId,
    fc.constantFrom(
      w.shares.active.id,
      w.shares.cancelled.id,
      w.shares.expired.id,
      w.shares.declined.id,
    ),
  );
/** For a pending recipient: forged ids and shares that are someone else's. */
const othersOrForged = (w: World) =>
  fc.oneof(H.badId, fc.constantFrom(w.shares.active.id, w.shares.cancelled.id, w.shares.left.id));
const deviceBad = () => ({
  name: fc.oneof(H.notStringOrMissing, H.blank, H.tooLong(100), H.withControlChar),
  hardwareId: fc.oneof(
    H.notStringOrMissing,
    H.blank,
    H.tooLong(64),
    fc.string({ minLength: 1 }).filter((s) => !/^[A-Za-z0-9][A-Za-z0-9:._-]*$/.test(s.trim())),
  ),
  group: fc.oneof(H.notString, H.tooLong(200), H.withControlChar),
  kind: fc.oneof(
    H.notString,
    fc
      .string()
      .filter(
        (s) =>
          !["Gateway", "Sensor", "Lock", "Router", "Camera", "Controller", "Other"].includes(s),
      ),
  ),
});
const tokenBad = (w: World) =>
  fc.oneof(
    H.notStringOrMissing,
    H.blank,
    H.tooLong(200),
    H.forgedId,
    fc.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    fc.constant(w.shares.active.token),
    fc.constant(w.shares.cancelled.token),
    fc.constant(w.shares.pending.token.toUpperCase()),
    fc.constant(` ${w.shares.pending.token}`),
  );

export const CASES: Record<string, Case> = {
  "auth:signInAction": {
    actor: "anon",
    form: true,
    base: (w) => ({ email: w.users.owner.email, password: "whatever-it-is" }),
    bad: () => ({
      email: fc.oneof(H.notEmail, H.blank, H.tooLong(254)),
      password: fc.oneof(fc.constant(""), H.tooLong(200)),
    }),
  },
  "auth:signUpAction": {
    actor: "anon",
    form: true,
    base: () => ({
      name: "New",
      email: "brand-new@example.test",
      password: "long enough password",
    }),
    bad: (w) => ({
      name: fc.oneof(H.blank, H.tooLong(100)),
      password: fc.oneof(fc.string({ maxLength: 7 }), H.tooLong(200)),
      email: fc.oneof(
        H.notEmail,
        H.blank,
        H.tooLong(254),
        fc.constantFrom(w.users.owner.email, ` ${w.users.owner.email.toUpperCase()} `),
      ),
    }),
  },
  "auth:changePasswordAction": {
    actor: "owner",
    base: () => ({ currentPassword: WORLD_PASSWORD, newPassword: "a brand new password" }),
    bad: () => ({
      currentPassword: fc.oneof(
        H.notStringOrMissing,
        fc.constant(""),
        H.tooLong(200),
        fc.string({ minLength: 1, maxLength: 40 }).filter((p) => p !== WORLD_PASSWORD),
      ),
      newPassword: fc.oneof(H.notStringOrMissing, fc.string({ maxLength: 7 }), H.tooLong(200)),
    }),
  },
  "account:forgotPasswordAction": {
    actor: "anon",
    form: true,
    base: (w) => ({ email: w.users.owner.email }),
    bad: () => ({ email: fc.oneof(H.notEmail, H.blank, H.tooLong(254)) }),
  },
  "account:resetPasswordAction": {
    actor: "anon",
    form: true,
    base: (w) => ({ token: w.tokens.reset, newPassword: "a brand new password" }),
    bad: (w) => ({
      token: fc.oneof(
        H.blank,
        H.tooLong(200),
        H.forgedId,
        fc.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        // Real tokens of the wrong kind or shape: a verification link, the reset link altered.
        fc.constant(w.tokens.verify),
        fc.constant(w.tokens.reset.toUpperCase()),
        fc.constant(` ${w.tokens.reset}`),
        fc.constant(w.tokens.reset.slice(1)),
      ),
      newPassword: fc.oneof(fc.string({ maxLength: 7 }), H.tooLong(200)),
    }),
  },
  "api-tokens:createApiTokenAction": {
    actor: "owner",
    base: () => ({ name: "CI script", scopes: ["read", "write"], expires: "90" }),
    bad: () => ({
      name: fc.oneof(H.notStringOrMissing, H.blank, H.tooLong(100), H.withControlChar),
      scopes: fc.oneof(
        H.notStringOrMissing,
        fc.constantFrom([], ["admin"], "READ", ["read", "root"], [null]),
      ),
      expires: fc.oneof(H.notStringOrMissing, fc.constantFrom("", "7", "forever", "NEVER", 30)),
    }),
  },
  "api-tokens:revokeApiTokenAction": {
    actor: "owner",
    base: (w) => ({ tokenId: w.api.owner.id }),
    bad: (w) => ({
      tokenId: fc.oneof(
        H.badId,
        fc.constant(w.api.ownerRevoked.id),
        fc.constant(w.api.stranger.id),
      ),
    }),
  },
  "webhooks:addWebhookEndpointAction": {
    actor: "owner",
    base: () => ({ url: "https://hooks.example.test/new", events: ["share.created"] }),
    bad: () => ({
      url: fc.oneof(
        H.notStringOrMissing,
        H.blank,
        H.tooLong(2000),
        fc.constantFrom(
          "ftp://example.com/x",
          "http://localhost/x",
          "http://127.0.0.1:3415/",
          "http://[::1]/",
          "http://169.254.169.254/latest/meta-data",
          "http://10.0.0.7/hook",
          "javascript:alert(1)",
          "https://user:pw@example.com/",
          "not a url",
        ),
      ),
      events: fc.oneof(
        H.notStringOrMissing,
        fc.constantFrom([], ["share.nope"], "share.CREATED", ["share.created", "x"]),
      ),
    }),
  },
  "webhooks:deleteWebhookEndpointAction": {
    actor: "owner",
    base: (w) => ({ endpointId: w.webhook.endpointId }),
    bad: () => ({ endpointId: H.badId }),
  },
  "webhooks:redeliverWebhookAction": {
    actor: "owner",
    base: (w) => ({ deliveryId: w.webhook.deliveryId }),
    bad: () => ({ deliveryId: H.badId }),
  },
  "policies:savePoliciesAction": {
    actor: "owner",
    base: () => ({ defaultExpiry: "7d", maxExpiryDays: "", allowedDomains: "" }),
    bad: () => ({
      defaultExpiry: fc.oneof(H.notStringOrMissing, fc.constantFrom("", "8d", "forever", "NEVER")),
      maxExpiryDays: fc.oneof(
        fc.constantFrom(0, -1, 1826, 1.5, "abc", "3", true, [30], { days: 30 }),
        fc.integer({ min: 1826 }),
        fc.integer({ max: 0 }),
      ),
      allowedDomains: fc.oneof(
        fc.constantFrom(
          "not a domain",
          "a..b",
          "-x.com",
          "evil.com; drop table",
          Array.from({ length: 51 }, (_, i) => `d${i}.example`).join(","),
        ),
        H.tooLong(2000),
        fc.integer(),
        fc.boolean(),
        fc.constant(["example.com"]),
        fc.dictionary(fc.string(), fc.string(), { minKeys: 1, maxKeys: 2 }),
      ),
    }),
    // A non-string list of domains used to be read as "no restriction".
    examples: () => [
      { defaultExpiry: "7d", maxExpiryDays: "", allowedDomains: ["example.com"] },
      { defaultExpiry: "7d", maxExpiryDays: "", allowedDomains: 5 },
    ],
  },
  "devices:createDeviceAction": {
    actor: "owner",
    base: () => ({ name: "New", hardwareId: "BB:01" }),
    bad: (w) => ({
      ...deviceBad(),
      hardwareId: fc.oneof(deviceBad().hardwareId, fc.constant(w.dev.d1.hardwareId)),
    }),
  },
  "devices:updateDeviceAction": {
    actor: "owner",
    base: (w) => ({ deviceId: w.dev.d3.id, name: "Renamed", hardwareId: "BB:02" }),
    bad: (w) => ({
      ...deviceBad(),
      deviceId: fc.oneof(H.badId, fc.constant(w.dev.foreign.id)),
      hardwareId: fc.constant(w.dev.d1.hardwareId),
    }),
  },
  "devices:deleteDeviceAction": {
    actor: "owner",
    base: (w) => ({ deviceId: w.dev.d3.id }),
    bad: (w) => ({ deviceId: fc.oneof(H.badId, fc.constant(w.dev.foreign.id)) }),
  },
  "devices:addServiceAction": {
    actor: "owner",
    base: (w) => ({ deviceId: w.dev.d1.id, name: "Web", kind: "HTTP", port: 80 }),
    bad: (w) => ({
      deviceId: fc.oneof(H.badId, fc.constant(w.dev.foreign.id)),
      name: fc.oneof(
        H.notStringOrMissing,
        H.blank,
        H.tooLong(60),
        H.withControlChar,
        fc.constantFrom("SSH", "ssh"),
      ),
      kind: fc.oneof(H.notStringOrMissing, fc.constantFrom("ssh", "FTP", "")),
      port: fc.oneof(
        H.notNumber,
        fc.integer({ max: 0 }),
        fc.integer({ min: 65536 }),
        fc.constant(undefined),
      ),
    }),
    // z.coerce.number() used to turn these into ports 1, 80 and 443.
    examples: (w) =>
      [true, [80], ["443"]].map((port) => ({
        deviceId: w.dev.d1.id,
        name: "Web",
        kind: "HTTP",
        port,
      })),
  },
  "devices:removeServiceAction": {
    actor: "owner",
    base: (w) => ({ deviceId: w.dev.d1.id, serviceId: w.svc.id }),
    bad: (w) => ({
      deviceId: fc.oneof(H.badId, fc.constantFrom(w.dev.d2.id, w.dev.foreign.id)),
      serviceId: H.badId,
    }),
  },
  "devices:importDevicesAction": {
    actor: "owner",
    base: () => ({ csv: "name,hardware_id\nImported,CC:01" }),
    bad: (w) => ({
      csv: fc.oneof(
        H.notString,
        H.blank,
        fc.constantFrom(
          "name,hardware_id",
          "name,hardware_id\n,CC:02",
          `name,hardware_id\nDup,${w.dev.d1.hardwareId}`,
          "name,hardware_id\nA,CC:03\nB,cc:03",
          '"unterminated',
        ),
        H.withControlChar.map((n) => `name,hardware_id\n"${n.replace(/"/g, "")}",CC:04`),
      ),
      file: fc.oneof(
        fc.string({ minLength: 1 }),
        fc.integer(),
        fc.dictionary(fc.string(), fc.string(), { minKeys: 1, maxKeys: 2 }),
      ),
    }),
    examples: () => [
      { csv: "x".repeat(2 * 1024 * 1024 + 1) },
      { csv: `name,hardware_id\n${ids(10_001, (i) => `D${i},EE:${i}`).join("\n")}` },
    ],
  },
  "shares:shareDevicesAction": {
    actor: "owner",
    base: (w) => ({
      recipients: ["someone@example.test"],
      deviceIds: [w.dev.d3.id],
      permissions: "Viewer",
      expiresAt: now + 7 * DAY,
    }),
    bad: (w) => ({
      recipients: fc.oneof(
        fc.constant([]),
        fc.constant(null),
        H.notString.filter((v) => !Array.isArray(v) || v.length > 0),
        fc.array(H.notEmail, { minLength: 1, maxLength: 3 }),
        fc.constantFrom(
          [w.users.owner.email],
          [`  ${w.users.owner.email.toUpperCase()} `, "someone@example.test"],
          [`${"a".repeat(250)}@example.test`],
        ),
      ),
      deviceIds: deviceIdsBad(w),
      // Group ids that name none of the owner's groups (forged, or not even strings).
      groups: fc.oneof(
        fc.array(H.forgedId, { minLength: 1, maxLength: 3 }),
        fc.constant([w.group.id, "forged"]),
        fc.integer(),
      ),
      permissions: fc.oneof(
        fc.constant([]),
        fc.constant(""),
        H.notString.filter((v) => !Array.isArray(v) || v.length > 0),
        fc.string().map((s) => `bogus${s}`),
        fc.constant(["view", "root"]),
      ),
      expiresAt: H.badExpiry(now),
      description: fc.oneof(
        H.tooLong(500),
        fc.integer(),
        fc.boolean(),
        fc.dictionary(fc.string(), fc.string(), { maxKeys: 1 }),
      ),
      message: fc.oneof(H.tooLong(2000), fc.integer(), fc.boolean()),
      notify: fc.oneof(fc.integer(), fc.dictionary(fc.string(), fc.string(), { maxKeys: 1 })),
      skipConflicts: fc.oneof(fc.integer(), fc.array(fc.boolean(), { minLength: 1 })),
      services: fc.oneof(
        fc.integer(),
        fc.constantFrom(
          "garbage",
          "all",
          "[]",
          { [w.dev.d3.id]: [] },
          { forged: "all" },
          { [w.dev.d3.id]: [w.svc.id] },
          { [w.dev.d3.id]: ["forged"] },
        ),
      ),
      schedule: fc.oneof(
        fc.integer(),
        fc.constantFrom(
          "x",
          true,
          { weekdays: 0 },
          { weekdays: 128 },
          { windowStart: 60 },
          { windowStart: 60, windowEnd: 60 },
          { timeZone: "Mars/Olympus" },
          { windowStart: -1, windowEnd: 10 },
          { windowStart: 0, windowEnd: 1441 },
          { startsAt: now + 8 * DAY },
          { startsAt: "not a date" },
        ),
      ),
      filter: fc.oneof(fc.integer(), fc.constant({ q: 5 }), fc.constant({ group: H.tooLong(200) })),
    }),
    examples: (w) => [
      {
        recipients: ids(10_000, (i) => `r${i}@example.test`),
        deviceIds: [w.dev.d3.id],
        permissions: "Viewer",
        expiresAt: now + DAY,
      },
      {
        recipients: ["someone@example.test"],
        deviceIds: ids(100_000),
        permissions: "Viewer",
        expiresAt: now + DAY,
      },
      {
        recipients: ["someone@example.test"],
        deviceIds: ids(100_001),
        permissions: "Viewer",
        expiresAt: now + DAY,
      },
      {
        recipients: ["someone@example.test"],
        deviceIds: [...ids(10_000), w.dev.d3.id],
        permissions: "Viewer",
        expiresAt: now + DAY,
      },
      {
        recipients: ["someone@example.test"],
        deviceIds: [w.dev.d3.id],
        permissions: "Viewer",
        expiresAt: now + DAY,
        description: "x".repeat(1_000_000),
      },
      // Date.parse reads impossible days as real ones (2027-02-30 → 2 March).
      ...["2027-02-30", "2028-02-30T10:00:00Z", "2027-04-31"].map((expiresAt) => ({
        recipients: ["someone@example.test"],
        deviceIds: [w.dev.d3.id],
        permissions: "Viewer",
        expiresAt,
      })),
    ],
  },
  "shares:shareDevicesAction(replace)": {
    actor: "owner",
    base: (w) => ({
      recipients: ["someone@example.test"],
      deviceIds: [w.dev.d3.id],
      permissions: "Viewer",
      expiresAt: now + 7 * DAY,
      replaceShareId: w.shares.active.id,
    }),
    // Nothing is shared when the share to replace cannot be cancelled (and nothing is cancelled when sharing fails).
    bad: (w) => ({
      replaceShareId: fc.oneof(
        H.forgedId,
        H.notString,
        H.blank,
        H.tooLong(64),
        fc.constant(null),
        fc.constantFrom(w.shares.cancelled.id, w.shares.left.id, w.shares.declined.id),
      ),
      deviceIds: fc.constantFrom([w.dev.demo.id], [w.dev.foreign.id], ["forged"]),
    }),
  },
  "share-suspend:suspendShareAction": {
    actor: "owner",
    base: (w) => ({ shareId: w.shares.active.id }),
    bad: (w) => ({
      shareId: fc.oneof(
        H.badId,
        fc.constantFrom(
          w.shares.pending.id,
          w.shares.cancelled.id,
          w.shares.expired.id,
          w.shares.suspended.id,
        ),
      ),
    }),
  },
  "share-suspend:resumeShareAction": {
    actor: "owner",
    base: (w) => ({ shareId: w.shares.suspended.id }),
    bad: (w) => ({
      shareId: fc.oneof(
        H.badId,
        fc.constantFrom(
          w.shares.active.id,
          w.shares.pending.id,
          w.shares.cancelled.id,
          w.shares.left.id,
        ),
      ),
    }),
  },
  "shares:listServicesAction": {
    actor: "owner",
    emptyReadOk: true,
    base: (w) => ({ deviceIds: [w.dev.d1.id] }),
    bad: () => ({
      deviceIds: fc.oneof(
        H.notString.filter((v) => !Array.isArray(v) || v.length > 0),
        fc.constant(null),
        fc.array(fc.oneof(H.tooLong(64), fc.integer()), { minLength: 1, maxLength: 3 }),
      ),
    }),
    examples: () => [{ deviceIds: ids(201) }, { deviceIds: ids(100_000) }],
  },
  "share-manage:extendSharesAction": {
    actor: "owner",
    base: (w) => ({ shareIds: [w.shares.active.id], by: "7d" }),
    bad: (w) => ({
      shareIds: shareIdsBad(w),
      by: fc.oneof(H.notStringOrMissing, fc.constantFrom("7", "1y", "-7d", "7D", "")),
    }),
    examples: (w) => [
      { shareIds: ids(1001), by: "1d" },
      { shareIds: [w.shares.active.id, ...ids(999)], by: "1d" },
    ],
  },
  "share-manage:extendSharesAction(date)": {
    actor: "owner",
    base: (w) => ({ shareIds: [w.shares.active.id], by: "date", until: "2028-06-30", tzOffset: 0 }),
    // Date.UTC rolled these over into real days; z.coerce turned true and [60] into offsets.
    examples: (w) => [
      ...["2027-00-25", "2027-02-30", "2027-13-01", "0099-12-31"].map((until) => ({
        shareIds: [w.shares.active.id],
        by: "date",
        until,
        tzOffset: 0,
      })),
      ...[true, [60]].map((tzOffset) => ({
        shareIds: [w.shares.active.id],
        by: "date",
        until: "2028-06-30",
        tzOffset,
      })),
    ],
    bad: () => ({
      until: fc.oneof(
        H.badDay,
        H.notStringOrMissing,
        H.tooLong(40),
        fc.constantFrom("2028-6-30", "30/06/2028", "2028-06-30T00:00"),
      ),
      tzOffset: fc.oneof(
        fc.integer({ min: 901 }),
        fc.integer({ max: -901 }),
        fc.double({ noInteger: true, noNaN: true, min: -900, max: 900 }),
        fc.constantFrom("abc", true, [1]),
      ),
    }),
  },
  "share-manage:cancelSharesAction": {
    actor: "owner",
    base: (w) => ({ shareIds: [w.shares.pending.id] }),
    bad: (w) => ({ shareIds: shareIdsBad(w) }),
    examples: (w) => [
      { shareIds: ids(1001) },
      { shareIds: [w.shares.pending.id, ...ids(999)] },
      { shareIds: ids(100_000).join(",") },
    ],
  },
  "share-manage:cancelDevicesAction": {
    actor: "owner",
    base: (w) => ({ shareId: w.shares.active.id, deviceIds: [w.dev.d1.id] }),
    bad: (w) => ({
      shareId: fc.oneof(
        H.badId,
        fc.constantFrom(w.shares.cancelled.id, w.shares.left.id, w.shares.declined.id),
      ),
      deviceIds: fc.oneof(deviceIdsBad(w), fc.constant([w.dev.d1.id, w.dev.d3.id])),
    }),
    examples: (w) => [
      { shareId: w.shares.active.id, deviceIds: ids(10_001) },
      { shareId: w.shares.active.id, deviceIds: [w.dev.d1.id, ...ids(9_999)] },
      { shareId: w.shares.active.id, deviceIds: ids(100_000) },
    ],
  },
  "share-manage:addDevicesAction": {
    actor: "owner",
    base: (w) => ({ shareId: w.shares.active.id, deviceIds: [w.dev.d3.id] }),
    bad: (w) => ({
      shareId: fc.oneof(
        H.badId,
        fc.constantFrom(w.shares.cancelled.id, w.shares.expired.id, w.shares.left.id),
      ),
      deviceIds: fc.oneof(deviceIdsBad(w), fc.constant([w.dev.d1.id, w.dev.d2.id])),
      services: fc.oneof(
        fc.integer(),
        fc.constantFrom(
          "all",
          { [w.dev.d3.id]: [] },
          { [w.dev.d3.id]: [w.svc.id] },
          { forged: "all" },
          { [w.dev.d3.id]: ["x".repeat(65)] },
        ),
      ),
    }),
    examples: (w) => [
      { shareId: w.shares.active.id, deviceIds: [w.dev.d3.id, ...ids(10_000)] },
      { shareId: w.shares.active.id, deviceIds: ids(100_000) },
      // Used to be ignored silently (shareDevices refuses it).
      { shareId: w.shares.active.id, deviceIds: [w.dev.d3.id], services: { forged: "all" } },
    ],
  },
  "share-manage:copyLinkAction": {
    actor: "owner",
    base: (w) => ({ shareId: w.shares.pending.id }),
    bad: (w) => ({ shareId: endedOrForged(w) }),
  },
  "share-manage:regenerateLinkAction": {
    actor: "owner",
    base: (w) => ({ shareId: w.shares.pending.id }),
    bad: (w) => ({ shareId: endedOrForged(w) }),
  },
  "share-manage:resendInvitationAction": {
    actor: "owner",
    base: (w) => ({ shareId: w.shares.pending.id }),
    bad: (w) => ({ shareId: endedOrForged(w) }),
  },
  "share-manage:searchAddableDevicesAction": {
    actor: "owner",
    base: (w) => ({ shareId: w.shares.active.id, q: "Gateway" }),
    bad: () => ({ shareId: H.badId, q: fc.oneof(H.notString, H.tooLong(200)) }),
  },
  "share-respond:acceptShareAction": {
    actor: "pending",
    base: (w) => ({ shareId: w.shares.pending.id }),
    bad: (w) => ({ shareId: othersOrForged(w) }),
  },
  "share-respond:declineShareAction": {
    actor: "pending",
    base: (w) => ({ shareId: w.shares.pending.id }),
    bad: (w) => ({ shareId: othersOrForged(w) }),
  },
  "share-respond:leaveShareAction": {
    actor: "active",
    base: (w) => ({ shareId: w.shares.active.id }),
    bad: (w) => ({
      shareId: fc.oneof(H.badId, fc.constantFrom(w.shares.pending.id, w.shares.left.id)),
    }),
  },
  "share-respond:acceptLinkAction": {
    actor: "pending",
    base: (w) => ({ token: w.shares.pending.token }),
    bad: (w) => ({ token: tokenBad(w) }),
  },
  "share-respond:declineLinkAction": {
    actor: "pending",
    base: (w) => ({ token: w.shares.pending.token }),
    bad: (w) => ({ token: tokenBad(w) }),
  },
  "device-operations:performOperationAction": {
    actor: "active",
    base: (w) => ({ deviceId: w.dev.d1.id, operation: "operate" }),
    bad: (w) => ({
      deviceId: fc.oneof(H.badId, fc.constantFrom(w.dev.d3.id, w.dev.foreign.id, w.dev.demo.id)),
      operation: fc.oneof(
        H.notStringOrMissing,
        fc.constantFrom("", "VIEW", "admin", "delete", "__proto__"),
      ),
      serviceId: fc.oneof(H.notString, H.blank, H.tooLong(64), H.forgedId),
    }),
  },
  // Groups (lib/groups): the owner's own group "Crew"; another name, id or address is refused.
  "groups:createGroupAction": {
    actor: "owner",
    base: () => ({ name: "Another crew", members: "someone@example.test" }),
    bad: (w) => ({
      name: fc.oneof(
        H.notStringOrMissing,
        H.blank,
        H.tooLong(80),
        H.withControlChar,
        fc.constantFrom("Crew", " CREW "),
      ),
      members: fc.oneof(
        fc.constantFrom("@", "a@", "not-an-email", "a@@b.c"),
        fc.constant(w.users.owner.email),
        fc.constant([`${"a".repeat(250)}@example.test`]),
        fc.integer(),
      ),
    }),
  },
  "groups:addMembersAction": {
    actor: "owner",
    base: (w) => ({ groupId: w.group.id, members: "newcomer@example.test" }),
    bad: (w) => ({
      groupId: H.badId,
      members: fc.oneof(
        fc.constant([]),
        fc.constant(null),
        H.blank,
        fc.array(H.notEmail, { minLength: 1, maxLength: 3 }),
        fc.constant(` ${w.users.owner.email.toUpperCase()} `),
      ),
    }),
  },
  "groups:removeMemberAction": {
    actor: "owner",
    base: (w) => ({ groupId: w.group.id, email: w.users.member.email }),
    bad: (w) => ({
      groupId: H.badId,
      email: fc.oneof(H.notStringOrMissing, H.blank, fc.constant(w.users.former.email), H.forgedId),
    }),
  },
  "groups:renameGroupAction": {
    actor: "owner",
    base: (w) => ({ groupId: w.group.id, name: "Night crew" }),
    bad: () => ({
      groupId: H.badId,
      name: fc.oneof(H.notStringOrMissing, H.blank, H.tooLong(80), H.withControlChar),
    }),
  },
  "groups:deleteGroupAction": {
    actor: "owner",
    base: (w) => ({ groupId: w.group.id }),
    bad: () => ({ groupId: H.badId }),
  },
};
