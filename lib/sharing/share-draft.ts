import "server-only";
import type { SharerShareDetail } from "./share-details";
import { PRESETS, type Operation } from "./permissions";
import { DAY } from "@/lib/platform/time";

/** The dialog's starting values for "share again with changes", from an existing share. */
export function draftFromShare(detail: SharerShareDetail, now: number) {
  const s = detail.share;
  const preset = detail.preset;
  const expiresAt = s.expiresAt;
  const date =
    expiresAt != null ? new Date(Math.max(expiresAt, now + DAY)).toISOString().slice(0, 10) : "";
  const days = [0, 1, 2, 3, 4, 5, 6].map(
    (i) => s.weekdays == null || (s.weekdays & (1 << i)) !== 0,
  );
  const hhmm = (m: number | null) =>
    m == null
      ? ""
      : `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  const scheduled = s.weekdays != null || s.windowStart != null || s.startsAt != null;
  return {
    // A group share is shared again with its group (lib/groups), not with its "group:…" address.
    recipients: s.groupId ? "" : s.recipientEmail,
    groups: s.groupId ? [s.groupId] : [],
    preset,
    custom: (preset === "Custom" ? detail.permissions : [...PRESETS.Viewer]) as Operation[],
    expiry: expiresAt == null ? ("never" as const) : ("date" as const),
    date,
    description: s.description,
    message: s.message,
    notify: s.notify,
    schedule: {
      enabled: scheduled,
      startDate:
        s.startsAt != null && s.startsAt > now
          ? new Date(s.startsAt).toISOString().slice(0, 10)
          : "",
      days,
      from: hhmm(s.windowStart),
      to: hhmm(s.windowEnd),
      timeZone: s.timeZone ?? "UTC",
      disableRemote: !s.remoteAccess,
    },
    services: Object.fromEntries(
      detail.items
        .filter((i) => i.removedAt == null && i.services !== "all")
        .map((i) => [i.deviceId, (i.services as { id: string }[]).map((x) => x.id)]),
    ),
  };
}
