// Issue 15 end to end: a token made in the portal scripts a bulk share over the API, the
// recipient accepts over the API with a token of their own, the owner's webhook receiver
// (a local HTTP server here) gets share.created and share.accepted with valid signatures, a
// replayed Idempotency-Key creates nothing new, and a revoked token stops at once.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createHmac, timingSafeEqual } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createToken } from "./support/api";
import { addDevices, newUser } from "./support/sharing";
import { uniqueEmail } from "./support/users";

// Port 0: the system picks a free one, so helpers running suites side by side never collide.
let receiverPort = Number(process.env.E2E_WEBHOOK_PORT ?? 0);
type Hit = { body: string; signature: string };
const hits: Hit[] = [];
let receiver: http.Server;

test.beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      hits.push({ body, signature: String(req.headers["keyshare-signature"] ?? "") });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((r) => receiver.listen(receiverPort, "127.0.0.1", r));
  receiverPort = (receiver.address() as AddressInfo).port;
});
test.afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise((r) => receiver.close(r));
});

/** What a receiver does with Keyshare-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "t.body")>. */
function validSignature(secret: string, h: Hit): boolean {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(h.signature);
  if (!m) return false;
  const mac = createHmac("sha256", secret).update(`${m[1]}.${h.body}`).digest();
  return timingSafeEqual(mac, Buffer.from(m[2], "hex"));
}

test("a script shares over the API, the recipient accepts over the API, webhooks arrive signed", async ({
  browser,
  request,
}) => {
  const owner = await newUser(browser, "Api Owner");
  const recipient = await newUser(browser, "Api Recipient");
  const devices = await addDevices(owner.page, ["Api Gateway", "Api Lock"]);

  const token = await createToken(owner.page, "fleet script");
  await owner.page.reload();
  const row = owner.page.getByRole("listitem", { name: "fleet script" });
  await expect(row.getByRole("button", { name: "Revoke" })).toBeVisible();
  await expect(row).toContainText("Read, Write");

  await owner.page.goto("/settings/webhooks");
  await expect(owner.page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
  await owner.page.getByLabel("URL").fill(`http://127.0.0.1:${receiverPort}/keyshare`);
  await expect(owner.page.getByRole("checkbox", { name: "share.created" })).toBeChecked();
  await owner.page.getByRole("button", { name: "Add endpoint" }).click();
  const secret = await owner.page.getByRole("textbox", { name: "Signing secret" }).inputValue();
  expect(secret).toMatch(/^whsec_/);

  const other = uniqueEmail("api-other");
  const auth = { authorization: `Bearer ${token}` };
  const body = {
    deviceIds: Object.values(devices),
    recipients: [recipient.email, other],
    permissions: "Operator",
    expiresAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
    schedule: {
      weekdays: ["mon", "tue", "wed", "thu", "fri"],
      windowStart: "08:00",
      windowEnd: "18:00",
    },
  };
  const headers = { ...auth, "idempotency-key": "e2e-bulk-1" };
  const first = await request.post("/api/v1/shares", { headers, data: body });
  expect(first.status()).toBe(201);
  const created = (await first.json()) as { shares: { id: string; recipientEmail: string }[] };
  expect(created.shares.map((s) => s.recipientEmail).sort()).toEqual(
    [recipient.email, other].sort(),
  );

  // The script's retry: the same key and body answer the first result, and nothing new exists.
  const replay = await request.post("/api/v1/shares", { headers, data: body });
  expect(replay.status()).toBe(201);
  expect(await replay.json()).toEqual(created);
  const listed = await request.get("/api/v1/shares?direction=outgoing", { headers: auth });
  expect(((await listed.json()) as { items: unknown[] }).items).toHaveLength(2);
  const clash = await request.post("/api/v1/shares", {
    headers,
    data: { ...body, recipients: [other] },
  });
  expect(clash.status()).toBe(422);
  expect(clash.headers()["content-type"]).toContain("application/problem+json");

  // The recipient, with a token of their own, finds the share and accepts it.
  const theirs = await createToken(recipient.page, "my gateway");
  const rAuth = { authorization: `Bearer ${theirs}` };
  const incoming = await request.get("/api/v1/shares?direction=incoming", { headers: rAuth });
  const [share] = ((await incoming.json()) as { items: { id: string; status: string }[] }).items;
  expect(share.status).toBe("Pending");
  const accepted = await request.post(`/api/v1/shares/${share.id}/accept`, { headers: rAuth });
  expect(accepted.status()).toBe(200);
  expect(((await accepted.json()) as { share: { status: string } }).share.status).toBe("Active");
  // The owner's token cannot see the other recipient's acceptance path: it is not theirs to answer.
  expect(
    (await request.post(`/api/v1/shares/${share.id}/accept`, { headers: auth })).status(),
  ).toBe(404);

  // share.created (one per recipient) and share.accepted reach the owner's receiver, signed.
  await expect
    .poll(() => hits.map((h) => JSON.parse(h.body).type).sort(), { timeout: 20_000 })
    .toEqual(["share.accepted", "share.created", "share.created"]);
  for (const h of hits) expect(validSignature(secret, h), h.body).toBe(true);
  const acceptedEvent = JSON.parse(hits.find((h) => h.body.includes("share.accepted"))!.body);
  expect(acceptedEvent).toMatchObject({ type: "share.accepted", data: { shareId: share.id } });

  await owner.page.reload();
  await expect(owner.page.getByText("Delivered").first()).toBeVisible();
  await expect(owner.page.getByRole("button", { name: "Redeliver" }).first()).toBeVisible();

  // Revoked in the portal: the next request with it is a 401.
  await owner.page.goto("/settings/api");
  await owner.page
    .getByRole("listitem", { name: "fleet script" })
    .getByRole("button", { name: "Revoke" })
    .click();
  await owner.page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
  await expect(owner.page.getByRole("listitem", { name: "fleet script" })).toHaveCount(0);
  expect((await request.get("/api/v1/devices", { headers: auth })).status()).toBe(401);
});
