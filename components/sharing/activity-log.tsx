import type { ShareEventView } from "@/lib/sharing/share-details";
import { formatDateTime } from "@/lib/platform/format";
import { describeEvent } from "@/lib/activity/events";

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
