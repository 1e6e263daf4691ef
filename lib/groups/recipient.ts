// A group share is addressed to its group, never to an email: recipient_email holds
// "group:<id>", which no address can equal (it has no "@"), so Rule 2's unique index
// (one live item per device, sharer and recipient) treats the group as one recipient and
// every email-keyed path (links, reminders, Shared with Me by email) passes it by.
export const GROUP_RECIPIENT_PREFIX = "group:";

export const groupRecipient = (groupId: string): string => `${GROUP_RECIPIENT_PREFIX}${groupId}`;

export const isGroupRecipient = (recipientEmail: string): boolean =>
  recipientEmail.startsWith(GROUP_RECIPIENT_PREFIX);
