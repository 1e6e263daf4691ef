import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { freshDb } from "@/tests/support/db/fresh";
import { deliverDue, listOutbox, queueEmail } from "./outbox";
import { invitationEmail } from "./templates";
import { appUrl, getTransport, outboxTransport } from "./transport";
import { startEmailWorker, stopEmailWorker } from "./worker";

// Integration: a real SMTP server from the `smtp-server` package on a random local port.

type Received = { from: string; to: string[]; raw: string };
const received: Received[] = [];
let rejectRecipients = false;

const server = new SMTPServer({
  authOptional: true,
  logger: false,
  onRcptTo(address, _session, cb) {
    if (rejectRecipients)
      return cb(Object.assign(new Error("550 mailbox unavailable"), { responseCode: 550 }));
    cb();
  },
  onData(stream, session, cb) {
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    stream.on("end", () => {
      received.push({
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
        to: session.envelope.rcptTo.map((r) => r.address),
        raw: Buffer.concat(chunks).toString("utf8"),
      });
      cb();
    });
  },
});
let port = 0;

/** Undoes quoted-printable soft breaks and escapes so assertions can search the body. */
const decodeQp = (raw: string) =>
  raw
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  vi.unstubAllEnvs();
  stopEmailWorker();
  received.length = 0;
  rejectRecipients = false;
});

const LINK = "http://127.0.0.1:3000/s/abcdefghijklmnopqrstuvwxyz0123456789?ref=mail";
const invite = () =>
  invitationEmail({
    sharerName: "Ada",
    sharerEmail: "ada@example.com",
    recipientEmail: "bob@example.com",
    link: LINK,
    devices: ["Gateway A"],
    permissions: "Viewer",
    expiresAt: null,
    message: "Welcome",
  });

describe("getTransport / appUrl", () => {
  it("uses the local outbox without SMTP_URL", () => {
    vi.stubEnv("SMTP_URL", "");
    expect(getTransport()).toBe(outboxTransport);
    expect(getTransport().kind).toBe("outbox");
  });

  it("builds APP_URL without a trailing slash, defaulting to localhost:PORT", () => {
    vi.stubEnv("APP_URL", "https://keyshare.example/");
    expect(appUrl()).toBe("https://keyshare.example");
    vi.stubEnv("APP_URL", undefined);
    vi.stubEnv("PORT", "4123");
    expect(appUrl()).toBe("http://localhost:4123");
  });
});

describe("SMTP delivery to a real local server", () => {
  it("delivers a queued invitation with its subject and link", async () => {
    vi.stubEnv("SMTP_URL", `smtp://127.0.0.1:${port}?ignoreTLS=true`);
    vi.stubEnv("MAIL_FROM", "Keyshare Test <noreply@test.local>");
    const db = await freshDb();
    const mail = invite();
    const id = await queueEmail(db, { to: "bob@example.com", ...mail }, Date.now());

    const transport = getTransport();
    expect(transport.kind).toBe("smtp");
    const report = await deliverDue(db, { now: Date.now(), transport });
    expect(report).toMatchObject({ sent: 1, retrying: 0 });

    expect(received).toHaveLength(1);
    const [msg] = received;
    expect(msg.from).toBe("noreply@test.local");
    expect(msg.to).toEqual(["bob@example.com"]);
    expect(msg.raw).toContain(`Subject: ${mail.subject}`);
    expect(decodeQp(msg.raw)).toContain(LINK);
    expect((await listOutbox(db)).find((e) => e.id === id)).toMatchObject({
      status: "sent",
      attempts: 1,
    });
  });

  it("records the server's refusal and schedules a retry", async () => {
    vi.stubEnv("SMTP_URL", `smtp://127.0.0.1:${port}?ignoreTLS=true`);
    rejectRecipients = true;
    const db = await freshDb();
    const now = Date.now();
    const id = await queueEmail(db, { to: "nobody@example.com", ...invite() }, now);
    expect(await deliverDue(db, { now, transport: getTransport() })).toMatchObject({
      sent: 0,
      retrying: 1,
    });
    const row = (await listOutbox(db)).find((e) => e.id === id)!;
    expect(row).toMatchObject({ status: "queued", attempts: 1, nextAttemptAt: now + 60_000 });
    expect(row.lastError).toMatch(/mailbox unavailable/);
  });

  it("the worker delivers after a kick, without the caller awaiting anything", async () => {
    vi.stubEnv("SMTP_URL", `smtp://127.0.0.1:${port}?ignoreTLS=true`);
    const db = await freshDb();
    const worker = startEmailWorker(() => db, { intervalMs: 60_000 });
    await queueEmail(db, { to: "bob@example.com", ...invite() }, Date.now());
    await worker.kick();
    expect(received).toHaveLength(1);
    expect(decodeQp(received[0].raw)).toContain(LINK);
  });
});
