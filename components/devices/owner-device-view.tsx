import Link from "next/link";
import type { Device, Service } from "@/lib/devices/queries";
import { deleteDeviceAction, removeServiceAction } from "@/lib/actions/devices";
import { EditDeviceButton } from "@/components/devices/edit-device-button";
import { ServiceForm } from "@/components/devices/service-form";
import { ConfirmAction } from "@/components/ui/confirm-action";

export function OwnerDeviceView({
  device,
  groups,
  accessSection,
}: {
  device: Device & { services: Service[] };
  groups: string[];
  accessSection?: React.ReactNode;
}) {
  return (
    <div className="space-y-8">
      <div>
        <Link href="/devices" className="text-sm text-brand-700 underline">
          Back to my devices
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">{device.name}</h1>
          <EditDeviceButton
            groups={groups}
            initial={{
              deviceId: device.id,
              name: device.name,
              hardwareId: device.hardwareId,
              group: device.groupPath,
              kind: device.kind,
            }}
          />
        </div>
        <p className="font-mono text-sm text-slate-600">{device.hardwareId}</p>
        <p className="text-sm text-slate-600">
          {device.kind} · {device.groupPath || "No group"}
          {device.demo ? " · Demo device (cannot be shared)" : ""}
        </p>
      </div>

      <section aria-labelledby="services-h" className="space-y-3">
        <h2 id="services-h" className="text-lg font-semibold">
          Services
        </h2>
        {device.services.length === 0 ? (
          <p className="text-sm text-slate-600">
            No services yet. Add SSH, HTTP, RDP or VNC services so you can share them one by one.
          </p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
            {device.services.map((s) => (
              <li key={s.id} className="flex items-center gap-3 px-4 py-2 text-sm">
                <span className="font-medium">{s.name}</span>
                <span className="text-slate-600">
                  {s.kind} · port {s.port}
                </span>
                <span className="ml-auto">
                  <ConfirmAction
                    label="Remove service"
                    triggerLabel={`Remove service ${s.name}`}
                    title={`Remove ${s.name}?`}
                    action={removeServiceAction}
                    fields={{ deviceId: device.id, serviceId: s.id }}
                    triggerVariant="ghost"
                  >
                    Recipients who were given only this service lose it.
                  </ConfirmAction>
                </span>
              </li>
            ))}
          </ul>
        )}
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="mb-2 text-sm font-semibold">Add service</h3>
          <ServiceForm deviceId={device.id} />
        </div>
      </section>

      {accessSection}

      <section aria-labelledby="danger-h" className="space-y-3">
        <h2 id="danger-h" className="text-lg font-semibold">
          Delete
        </h2>
        <ConfirmAction
          label="Delete device"
          title={`Delete ${device.name}?`}
          action={deleteDeviceAction}
          fields={{ deviceId: device.id }}
        >
          The device, its services and every share of it are removed. Recipients lose access at
          once. This cannot be undone.
        </ConfirmAction>
      </section>
    </div>
  );
}
