import { expect } from "@playwright/test";

const MAIL = `http://localhost:${process.env.E2E_MAIL_HTTP_PORT ?? 3199}`;
type Received = { to: string[]; raw: string };

/** Undo quoted-printable soft line breaks and escapes, enough to read links and words. */
function decode(raw: string): string {
  return raw
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
}

/** Waits for the n-th email to `to` at the real SMTP server the portal sends to. */
export async function waitForMail(
  to: string,
  predicate: (text: string) => boolean = () => true,
): Promise<string> {
  let found: string | undefined;
  await expect
    .poll(
      async () => {
        const res = await fetch(`${MAIL}/messages?to=${encodeURIComponent(to.toLowerCase())}`);
        const list = (await res.json()) as Received[];
        found = list.map((m) => decode(m.raw)).find(predicate);
        return !!found;
      },
      { timeout: 20_000, message: `an email to ${to}` },
    )
    .toBe(true);
  return found!;
}

export function linkIn(mail: string): string {
  const m = /https?:\/\/[^\s"<>]+\/s\/[A-Za-z0-9_-]{43}/.exec(mail);
  if (!m) throw new Error("no sharing link in the email");
  return m[0];
}

function tokenLink(mail: string, path: string): string {
  const m = new RegExp(`https?://[^\\s"<>]+/${path}/[A-Za-z0-9_-]{43}`).exec(mail);
  if (!m) throw new Error(`no /${path}/ link in the email`);
  return m[0];
}

export const verifyLinkIn = (mail: string) => tokenLink(mail, "verify-email");
export const resetLinkIn = (mail: string) => tokenLink(mail, "reset-password");
/** A group member's link (/g/<token>): sign up or in by it, nothing to accept. */
export const groupLinkIn = (mail: string) => tokenLink(mail, "g");

/** How many emails to `to` the sink has received that match. */
export async function countMail(
  to: string,
  predicate: (text: string) => boolean = () => true,
): Promise<number> {
  const res = await fetch(`${MAIL}/messages?to=${encodeURIComponent(to.toLowerCase())}`);
  return ((await res.json()) as Received[]).map((m) => decode(m.raw)).filter(predicate).length;
}
