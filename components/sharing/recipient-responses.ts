import { declineShareAction, leaveShareAction } from "@/lib/actions/share-respond";

/**
 * The recipient's two answers that ask first, worded once for the list (one dialog for every
 * row) and the share's own page: the button, its accessible name, the dialog.
 */
export const CONFIRMED_RESPONSES = {
  decline: {
    label: "Decline",
    action: declineShareAction,
    title: (sharer: string) => `Decline the share from ${sharer}?`,
    body: (sharer: string) => `${sharer} will be told. You will not get access to these devices.`,
  },
  leave: {
    label: "Leave",
    action: leaveShareAction,
    title: (sharer: string) => `Leave the share from ${sharer}?`,
    body: (sharer: string) => `You lose access to these devices at once. ${sharer} will be told.`,
  },
} as const;

export type ConfirmedResponse = keyof typeof CONFIRMED_RESPONSES;

/** "Decline share from Vera Owner": the row's button, named for screen readers and tests. */
export const responseButtonName = (kind: ConfirmedResponse, sharer: string) =>
  `${CONFIRMED_RESPONSES[kind].label} share from ${sharer}`;
