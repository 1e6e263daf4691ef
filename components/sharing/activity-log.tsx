import type { ShareEventView } from "@/lib/sharing/share-details";
import { formatDateTime, formatExpiry } from "@/lib/platform/format";

type Data = {
  from?: number | null;
  to?: number;
  devices?: { name: string }[];
  reason?: string;
} | null;

/** One line per event, in words: who did what, when. */
export function describeEvent(e: ShareEventView): string {
  const d = e.data as Data;
  const who = e.actorName ?? "Keyshare";
  const names = (list?: { name: string }[]) =>
    list?.length ? list.map((x) => x.name).join(", ") : "devices";
  switch (e.type) {
    case "shared":
      return `${who} shared the devices`;
    case "accepted":
      return `${who} accepted`;
    case "declined":
      return `${who} declined`;
    case "left":
      return `${who} left the share`;
    case "extended":
      return `${who} extended the expiry from ${formatExpiry(d?.from ?? null)} to ${formatExpiry(d?.to ?? null)}`;
    case "devices_added":
      return `${who} added ${names(d?.devices)}`;
    case "devices_removed":
      return `${who} removed ${names(d?.devices)}`;
    case "cancelled":
      return d?.reason === "last_device_removed"
        ? `${who} removed the last device, so the share was cancelled`
        : `${who} cancelled the share`;
    case "expired":
      return "The share expired";
    case "link_regenerated":
      return `${who} made a new sharing link (the old one stopped working)`;
    case "device_used": {
      const u = e.data as { device?: string; operation?: string } | null;
      return `${who} used ${u?.operation ?? "the device"} on ${u?.device ?? "a device"}`;
    }
    case "suspended":
      return `${who} suspended access`;
    case "resumed":
      return `${who} resumed access`;
    default:
      return `${who}: ${e.type}`;
  }
}

export function ActivityLog({ events }: { events: ShareEventView[] }) {
  return (
    <ol className="space-y-2 border-l-2 border-slate-200 pl-4 text-sm">
      {[...events].reverse().map((e) => (
        <li key={e.id}>
          <span className="text-slate-800">{describeEvent(e)}</span>
          <span className="block text-xs text-slate-500">{formatDateTime(e.createdAt)}</span>
        </li>
      ))}
    </ol>
  );
}
