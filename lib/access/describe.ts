// Human wording of access results, for the recipient's device page.
import { formatTime, formatZonedDate, localParts } from "./schedule";
import { OPERATION_LABELS } from "@/lib/sharing/permissions";
import type { AccessResult, DenyReason, Operation } from "./evaluate";
import { DAY } from "@/lib/platform/time";

export { OPERATION_LABELS };

export interface DescribeAccessOptions {
  /** Prefixes the operation: "Configure: not granted". */
  operation?: Operation;
  /** Lets `until` be short ("08:00" today, "Tue 08:00" this week); full date otherwise. */
  now?: number;
  /** Zone for `until`; defaults to the share's schedule zone carried by the result. */
  timeZone?: string;
  locale?: string;
}

const EN_DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

function formatMoment(ms: number, opts: DescribeAccessOptions, zone: string): string {
  const at = localParts(ms, zone);
  const time = formatTime(at.minutes);
  if (opts.now !== undefined && ms >= opts.now) {
    const today = localParts(opts.now, zone);
    if (today.year === at.year && today.month === at.month && today.day === at.day) return time;
    // Within the coming week the weekday is unambiguous and easier to read than a date.
    if (ms - opts.now < 6 * DAY) return `${EN_DAYS[at.weekday]} ${time}`;
  }
  return `${formatZonedDate(ms, zone, opts.locale)}, ${time}`;
}

const DENIALS: Record<DenyReason, string> = {
  not_shared: "Not shared with you",
  not_started: "Not started yet",
  outside_window: "Outside the schedule",
  expired: "Sharing expired",
  cancelled: "Sharing cancelled",
  suspended: "Sharing suspended",
  service_not_shared: "Service not shared",
  permission_not_granted: "Not granted",
  remote_disabled: "Remote access disabled",
};

/** "Operate: allowed", "Configure: not granted", "Outside the schedule until 08:00". */
export function describeAccess(result: AccessResult, opts: DescribeAccessOptions = {}): string {
  let text: string;
  if (result.allowed) text = "Allowed";
  else if (result.reason === "remote_disabled" && opts.operation === "remote")
    text = "Disabled by the sharer";
  else {
    text = DENIALS[result.reason];
    if (result.until !== undefined) {
      const when = formatMoment(result.until, opts, opts.timeZone ?? result.timeZone ?? "UTC");
      text += result.reason === "not_started" ? `, starts ${when}` : ` until ${when}`;
    }
  }
  if (!opts.operation) return text;
  return `${OPERATION_LABELS[opts.operation]}: ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}
