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

/** A group share's row is named by its group, with its member count where the email goes. */
const groupLabel = (n: number) => `Group, ${n} member${n === 1 ? "" : "s"}`;

export function toTableRows(rows: SharedByMeRow[]): SharedByMeTableRow[] {
  return rows.map((r) => ({
    status: r.status,
    timeLeft: r.timeLeft,
    preset: r.preset,
    deviceCount: r.deviceCount,
    recipientName: r.groupName ?? r.recipientName,
    share: {
      id: r.share.id,
      recipientEmail: r.groupName != null ? groupLabel(r.memberCount ?? 0) : r.share.recipientEmail,
      description: r.share.description,
      expiresAt: r.share.expiresAt,
      createdAt: r.share.createdAt,
    },
  }));
}
