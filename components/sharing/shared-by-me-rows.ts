import type { SharedByMeRow } from "@/lib/sharing/queries";

/**
 * What the Shared by Me table shows, and no more: the rows are props of a client component,
 * so every field is serialized into the page. Full rows (permissions array, invitation
 * message, schedule…) cost ~20% of the page's server time at 50 rows (bench/).
 */
export type SharedByMeTableRow = Pick<
  SharedByMeRow,
  "status" | "timeLeft" | "preset" | "deviceCount" | "recipientName"
> & {
  share: Pick<
    SharedByMeRow["share"],
    "id" | "recipientEmail" | "description" | "expiresAt" | "createdAt"
  >;
};

export function toTableRows(rows: SharedByMeRow[]): SharedByMeTableRow[] {
  return rows.map(({ status, timeLeft, preset, deviceCount, recipientName, share }) => ({
    status,
    timeLeft,
    preset,
    deviceCount,
    recipientName,
    share: {
      id: share.id,
      recipientEmail: share.recipientEmail,
      description: share.description,
      expiresAt: share.expiresAt,
      createdAt: share.createdAt,
    },
  }));
}
