/**
 * A real SMTP server for the end-to-end tests: the portal sends mail to it over SMTP,
 * and the tests read what arrived through a tiny HTTP endpoint.
 */
import http from "node:http";
import { SMTPServer } from "smtp-server";

type Received = { to: string[]; from: string; raw: string; at: number };
const messages: Received[] = [];

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    stream.on("end", () => {
      messages.push({
        to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
        raw: Buffer.concat(chunks).toString("utf8"),
        at: Date.now(),
      });
      callback();
    });
  },
});
smtp.listen(Number(process.env.MAIL_SMTP_PORT ?? 3125), "127.0.0.1");

http
  .createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname !== "/messages") {
      res.writeHead(404).end();
      return;
    }
    const to = url.searchParams.get("to")?.toLowerCase();
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(to ? messages.filter((m) => m.to.includes(to)) : messages));
  })
  .listen(Number(process.env.MAIL_HTTP_PORT ?? 3199), "127.0.0.1");
