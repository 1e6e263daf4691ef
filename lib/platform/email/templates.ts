import { formatEmailExpiry } from "@/lib/platform/format";
import { appUrl } from "./app-url";
import { button, esc, escMultiline, layout, list, oneLine, p, quote } from "./html";

// Pure builders for every email Keyshare sends. Each returns a plain-text part and an
// HTML part built from the same blocks, so the two can never say different things.

export type EmailContent = { subject: string; text: string; html: string };

/** What a share invitation says, whether or not the recipient already has an account. */
export type ShareInviteInput = {
  sharerName: string;
  sharerEmail: string;
  recipientEmail: string;
  link: string;
  devices: string[];
  /** Already human-readable, e.g. "Operator (view, operate)". */
  permissions: string;
  expiresAt: number | null;
  message?: string | null;
};

/** Beyond this many names the list is cut: operators share hundreds of devices at once. */
export const MAX_LISTED_DEVICES = 20;

/** A block appears in both parts: `text` is raw, `html` is already escaped markup. */
export type Block = { text: string; html: string };

export const para = (text: string): Block => ({ text, html: p(escMultiline(text)) });
export const action = (label: string, url: string): Block => ({
  text: `${label}:\n${url}`,
  html: button(label, url),
});

function deviceBlock(devices: string[]): Block {
  const shown = devices.slice(0, MAX_LISTED_DEVICES);
  const rest = devices.length - shown.length;
  const more = rest > 0 ? `and ${rest} more` : "";
  return {
    text: shown.map((d) => `- ${d}`).join("\n") + (more ? `\n${more}` : ""),
    html: list(shown) + (more ? p(esc(more)) : ""),
  };
}

function messageBlock(from: string, message: string | null | undefined): Block[] {
  const m = message?.trim();
  if (!m) return [];
  return [
    {
      text:
        `Message from ${from}:\n` +
        m
          .split(/\r?\n/)
          .map((l) => `> ${l}`)
          .join("\n"),
      html: p(`Message from ${esc(from)}:`) + quote(m),
    },
  ];
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

export function compose(subject: string, title: string, blocks: Block[]): EmailContent {
  return {
    subject: oneLine(subject),
    text: blocks.map((b) => b.text).join("\n\n") + "\n\n-- \nSent by Keyshare.\n",
    html: layout(oneLine(title), blocks.map((b) => b.html).join("")),
  };
}

/** The shared body of both invitation emails: who shares what, how, until when, why. */
function inviteBlocks(i: ShareInviteInput): Block[] {
  return [
    para(
      `${i.sharerName} (${i.sharerEmail}) shared ${plural(i.devices.length, "device")} with you on Keyshare:`,
    ),
    deviceBlock(i.devices),
    para(`Permissions: ${i.permissions}\nExpires: ${formatEmailExpiry(i.expiresAt)}`),
    ...messageBlock(i.sharerName, i.message),
  ];
}

/** To a recipient who may have no account yet: the link onboards them. */
export function invitationEmail(i: ShareInviteInput): EmailContent {
  const subject = `${i.sharerName} shared ${plural(i.devices.length, "device")} with you on Keyshare`;
  return compose(subject, "You have been invited to Keyshare", [
    para("Hello,"),
    ...inviteBlocks(i),
    para("Open the link below to create an account (or sign in) and accept the invitation."),
    action("Open the invitation", i.link),
    para(
      `This link works once and only for ${i.recipientEmail}. ` +
        "If you were not expecting this email, you can ignore it.",
    ),
  ]);
}

/** To a recipient who already has an account: the share also waits in Shared with Me. */
export function sharedWithExistingUserEmail(
  i: ShareInviteInput & { appUrl?: string },
): EmailContent {
  const sharedWithMe = `${(i.appUrl ?? appUrl()).replace(/\/+$/, "")}/shared-with-me`;
  const subject = `${i.sharerName} shared ${plural(i.devices.length, "device")} with you on Keyshare`;
  return compose(subject, "Devices shared with you", [
    para("Hello,"),
    ...inviteBlocks(i),
    para("Open the link below to accept or decline, or find the share under Shared with Me."),
    action("Review the share", i.link),
    action("Shared with Me", sharedWithMe),
    para(`This link works once and only for ${i.recipientEmail}.`),
  ]);
}

export type RecipientRespondedInput = {
  recipientEmail: string;
  recipientName?: string | null;
  action: "accepted" | "declined" | "left";
  /** The sharer's page for this share. */
  shareUrl: string;
};

/** To the sharer, when the recipient accepts, declines or leaves. */
export function recipientRespondedEmail(i: RecipientRespondedInput): EmailContent {
  const who = i.recipientName?.trim() || i.recipientEmail;
  const full = i.recipientName?.trim() ? `${who} (${i.recipientEmail})` : who;
  const what = {
    accepted: {
      subject: `${who} accepted your share`,
      body: `${full} accepted the devices you shared. They can now use them with the permissions you granted.`,
    },
    declined: {
      subject: `${who} declined your share`,
      body: `${full} declined the devices you shared. The sharing link no longer works; share again if this was a mistake.`,
    },
    left: {
      subject: `${who} left your share`,
      body: `${full} left the share and no longer has access to the devices.`,
    },
  }[i.action];
  return compose(what.subject, what.subject, [
    para(what.body),
    action("View the share", i.shareUrl),
  ]);
}

export type SharerChangedInput = {
  action: "cancelled" | "devices_removed" | "extended";
  sharerName: string;
  /** For "cancelled" (what is gone) and "devices_removed" (the removed devices). */
  devices?: string[];
  /** For "extended": previous and new expiry (null = permanent). */
  from?: number | null;
  to?: number | null;
  /** The recipient's page for this share (or Shared with Me once it is gone). */
  shareUrl: string;
};

/** To the recipient, when the sharer cancels, removes devices or extends. */
export function sharerChangedEmail(i: SharerChangedInput): EmailContent {
  const devices = i.devices ?? [];
  const listed = devices.length > 0 ? [deviceBlock(devices)] : [];
  if (i.action === "cancelled") {
    const subject = `${i.sharerName} stopped sharing devices with you`;
    return compose(subject, "Sharing cancelled", [
      para(
        `${i.sharerName} cancelled the share. You no longer have access to ${devices.length > 0 ? "these devices:" : "its devices."}`,
      ),
      ...listed,
      action("Open Keyshare", i.shareUrl),
    ]);
  }
  if (i.action === "devices_removed") {
    const subject = `${i.sharerName} removed ${plural(devices.length, "device")} from your share`;
    return compose(subject, "Devices removed", [
      para(
        `${i.sharerName} stopped sharing ${devices.length === 1 ? "this device" : "these devices"} with you:`,
      ),
      ...listed,
      para("Your access to the other devices of the share is unchanged."),
      action("View the share", i.shareUrl),
    ]);
  }
  const subject = `${i.sharerName} extended your access`;
  return compose(subject, "Access extended", [
    para(`${i.sharerName} extended your access.`),
    para(`Previously: ${formatEmailExpiry(i.from)}\nNow expires: ${formatEmailExpiry(i.to)}`),
    action("View the share", i.shareUrl),
  ]);
}

export type ExpiryReminderInput = {
  role: "sharer" | "recipient";
  /** The other side: the recipient for a sharer, the sharer for a recipient. */
  counterpartName: string;
  counterpartEmail?: string | null;
  devices: string[];
  expiresAt: number;
  shareUrl: string;
  /** Sharer only: where "Extend expiration" leads (defaults to the share page). */
  extendUrl?: string;
};

/** Warns either side that a share is about to expire, while there is time to extend it. */
export function expiryReminderEmail(i: ExpiryReminderInput): EmailContent {
  const when = formatEmailExpiry(i.expiresAt);
  const other = i.counterpartEmail
    ? `${i.counterpartName} (${i.counterpartEmail})`
    : i.counterpartName;
  if (i.role === "sharer") {
    return compose(`Your share with ${i.counterpartName} expires ${when}`, "Share expiring soon", [
      para(
        `The ${plural(i.devices.length, "device")} you shared with ${other} will stop being shared on ${when}:`,
      ),
      deviceBlock(i.devices),
      para("Extend the expiration if they still need access."),
      action("Extend expiration", i.extendUrl ?? i.shareUrl),
    ]);
  }
  return compose(
    `Your access to devices from ${i.counterpartName} expires ${when}`,
    "Access expiring soon",
    [
      para(
        `Your access to ${plural(i.devices.length, "device")} shared by ${other} ends on ${when}:`,
      ),
      deviceBlock(i.devices),
      para(`If you still need access, ask ${i.counterpartName} to extend it.`),
      action("View the share", i.shareUrl),
    ],
  );
}
