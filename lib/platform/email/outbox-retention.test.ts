// Issue 12: the emails table keeps only what delivery needs. Invitations hold working sharing
// links, so once a message has gone out over SMTP (or been given up on) its body is dropped.
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { freshDb } from "@/tests/support/db/fresh";
import { MAX_ATTEMPTS, deliverDue, listOutbox, queueEmail } from "./outbox";
import { outboxTransport, type MailMessage, type MailTransport } from "./transport";

const T0 = Date.UTC(2026, 0, 1);
const invitation: MailMessage = {
  to: "Carol@Corp.test",
  subject: "Alice shared 1 device",
  text: "Open https://k.test/s/TOKEN",
  html: "<a href='https://k.test/s/TOKEN'>open</a>",
};
const smtp = (fail = false): MailTransport => ({
  kind: "smtp",
  send: async () => (fail ? Promise.reject(new Error("550 no such user")) : undefined),
});
const only = async (db: Db) => (await listOutbox(db, { limit: 10 }))[0];

describe("what the emails table keeps", () => {
  it("a message sent over SMTP keeps its address and subject, not its body", async () => {
    const db = await freshDb();
    await queueEmail(db, invitation, T0);
    await deliverDue(db, { now: T0, transport: smtp() });
    expect(await only(db)).toMatchObject({
      status: "sent",
      to: "Carol@Corp.test",
      subject: invitation.subject,
      text: "",
      html: "",
    });
  });

  it("a message given up on loses its body too; one still being retried keeps it", async () => {
    const db = await freshDb();
    await queueEmail(db, invitation, T0);
    await deliverDue(db, { now: T0, transport: smtp(true) });
    expect(await only(db)).toMatchObject({ status: "queued", text: invitation.text });
    let now = T0;
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      now += 365 * 86_400_000;
      await deliverDue(db, { now, transport: smtp(true) });
    }
    expect(await only(db)).toMatchObject({ status: "failed", text: "", html: "" });
  });

  it("in the local outbox mode the row is the delivered message: it stays readable", async () => {
    const db = await freshDb();
    await queueEmail(db, invitation, T0);
    await deliverDue(db, { now: T0, transport: outboxTransport });
    expect(await only(db)).toMatchObject({ status: "outbox", text: invitation.text });
  });

  it("the developer's outbox lists only mail to the signed-in address", async () => {
    const db = await freshDb();
    await queueEmail(db, invitation, T0);
    await queueEmail(db, { ...invitation, to: "mallory@evil.test" }, T0);
    expect((await listOutbox(db, { to: "carol@corp.test" })).map((m) => m.to)).toEqual([
      "Carol@Corp.test",
    ]);
    expect(await listOutbox(db, { to: "nobody@x.test" })).toEqual([]);
  });
});
