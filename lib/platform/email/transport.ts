import nodemailer from "nodemailer";

export { appUrl } from "./app-url";

export type MailMessage = { to: string; subject: string; text: string; html: string };

/**
 * Where queued emails go. "outbox" means there is no mail server configured: the row in
 * the `emails` table *is* the delivered message, readable on the developer's outbox page.
 */
export type MailTransport = {
  kind: "smtp" | "outbox";
  send(msg: MailMessage): Promise<void>;
};

export const DEFAULT_MAIL_FROM = "Keyshare <no-reply@keyshare.local>";

/** Does nothing: delivery to the local outbox is just marking the row as "outbox". */
export const outboxTransport: MailTransport = {
  kind: "outbox",
  send: async () => {},
};

/*
 * The delivery loop claims a row for 60 s before sending; nodemailer's default timeouts
 * (up to 10 min for an idle socket) would let a stuck send outlive that claim and another
 * process send the same email again. These defaults keep one attempt well under a minute;
 * a query parameter already present in SMTP_URL wins.
 */
const TIMEOUT_DEFAULTS: Record<string, string> = {
  connectionTimeout: "15000",
  greetingTimeout: "10000",
  socketTimeout: "30000",
};

function withTimeoutDefaults(url: string): string {
  try {
    const u = new URL(url);
    for (const [key, value] of Object.entries(TIMEOUT_DEFAULTS)) {
      if (!u.searchParams.has(key)) u.searchParams.set(key, value);
    }
    return u.toString();
  } catch {
    return url; // let nodemailer report a malformed URL on send, as a delivery error
  }
}

/** An SMTP transport from a URL like smtp://user:pass@host:587 or smtps://host:465. */
export function createSmtpTransport(url: string, from: string = DEFAULT_MAIL_FROM): MailTransport {
  const transporter = nodemailer.createTransport(withTimeoutDefaults(url), { from });
  return {
    kind: "smtp",
    async send(msg) {
      await transporter.sendMail({
        to: msg.to,
        subject: msg.subject,
        text: msg.text,
        html: msg.html,
      });
    },
  };
}

// Reused between delivery rounds; rebuilt only when the configuration changes (tests do that).
let cached: { key: string; transport: MailTransport } | undefined;

/** SMTP when SMTP_URL is set, otherwise the local outbox. Reads the environment on each call. */
export function getTransport(): MailTransport {
  const url = process.env.SMTP_URL?.trim();
  if (!url) return outboxTransport;
  const from = process.env.MAIL_FROM ?? DEFAULT_MAIL_FROM;
  const key = `${url}\n${from}`;
  if (cached?.key !== key) cached = { key, transport: createSmtpTransport(url, from) };
  return cached.transport;
}
