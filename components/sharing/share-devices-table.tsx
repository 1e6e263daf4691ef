import Link from "next/link";
import type { ShareItemView } from "@/lib/sharing/share-details";
import { cancelDevicesAction } from "@/lib/actions/share-manage";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { formatDate } from "@/lib/platform/format";

function servicesText(item: ShareItemView): string {
  if (item.services === "all") return "All services";
  if (item.services.length === 0) return "No services (device only)";
  return item.services.map((s) => `${s.name} (${s.kind} ${s.port})`).join(", ");
}

/** The sharer's view of the devices in a share, removed ones kept for the record. */
export function ShareDevicesTable({
  shareId,
  items,
  canRemove,
}: {
  shareId: string;
  items: ShareItemView[];
  canRemove: boolean;
}) {
  if (items.length === 0) return <p className="text-sm text-slate-600">No devices.</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="table-cards w-full text-left text-sm">
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            <th scope="col">Device</th>
            <th scope="col">Group</th>
            <th scope="col">Services</th>
            <th scope="col">Added</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr
              key={i.itemId}
              className={`border-t border-slate-100 ${i.removedAt ? "text-slate-400" : ""}`}
            >
              <td>
                <Link href={`/devices/${i.deviceId}`} className="font-medium hover:underline">
                  {i.deviceName}
                </Link>
                <div className="font-mono text-xs">{i.hardwareId}</div>
              </td>
              <td data-label="Group">{i.groupPath || "—"}</td>
              <td data-label="Services">{servicesText(i)}</td>
              <td data-label="Added">{formatDate(i.addedAt)}</td>
              <td className="sm:text-right">
                {i.removedAt ? (
                  <span>Removed {formatDate(i.removedAt)}</span>
                ) : canRemove ? (
                  <ConfirmAction
                    label="Cancel device sharing"
                    triggerLabel={`Cancel device sharing for ${i.deviceName}`}
                    title={`Stop sharing ${i.deviceName}?`}
                    action={cancelDevicesAction}
                    fields={{ shareId, deviceIds: i.deviceId }}
                  >
                    The recipient loses {i.deviceName} at once. If it is the last device of the
                    share, the whole share is cancelled.
                  </ConfirmAction>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
