import Link from "next/link";
import type { RecipientDeviceView as View } from "@/lib/access/recipient-device";
import { describeAccess } from "@/lib/access/describe";
import { describeSource } from "@/lib/groups/access-source";
import { OPERATIONS } from "@/lib/access/evaluate";
import { OperationButton } from "@/components/devices/operation-button";
import { StatusBadge } from "@/components/sharing/status-badge";

const ACTIONS = { operate: "Operate", configure: "Configure", scripts: "Run script" } as const;

/** What a recipient may do with a shared device right now, and why not otherwise. */
export function RecipientDeviceView({ view, now }: { view: View; now: number }) {
  const { device, access } = view;
  const remote = access.remote;
  return (
    <div className="space-y-8">
      <div>
        <Link href={`/shared-with-me/${view.shareId}`} className="text-sm text-brand-700 underline">
          Back to the share
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">{device.name}</h1>
        <p className="text-sm text-slate-600">
          {device.kind}
          {device.groupPath ? ` · ${device.groupPath}` : ""} · shared by {view.sharer.name} (
          {view.sharer.email}) · read-only
        </p>
        {device.hardwareId ? (
          <p className="font-mono text-sm text-slate-600">{device.hardwareId}</p>
        ) : null}
        {describeSource(access.view) ? (
          <p className="text-sm text-slate-700">Access: {describeSource(access.view)}</p>
        ) : null}
        {!access.view.allowed && access.view.reason === "suspended" ? (
          <p
            role="status"
            className="mt-2 rounded-md bg-purple-50 px-3 py-2 text-sm text-purple-800"
          >
            <StatusBadge status="Suspended" /> {view.sharer.name} suspended this share: nothing can
            be done with this device until they resume it.
          </p>
        ) : null}
      </div>

      <section aria-labelledby="now-h" className="space-y-2">
        <h2 id="now-h" className="text-lg font-semibold">
          What you can do now
        </h2>
        <ul className="grid gap-1 text-sm sm:grid-cols-2">
          {OPERATIONS.map((op) => (
            <li key={op} className={access[op].allowed ? "text-emerald-800" : "text-slate-500"}>
              {describeAccess(access[op], { operation: op, now })}
            </li>
          ))}
        </ul>
        <div className="flex flex-wrap gap-2">
          {(Object.keys(ACTIONS) as (keyof typeof ACTIONS)[]).map((op) =>
            access[op].allowed ? (
              <OperationButton key={op} deviceId={device.id} operation={op} label={ACTIONS[op]} />
            ) : null,
          )}
        </div>
      </section>

      {access.view.allowed ? (
        <section aria-labelledby="svc-h" className="space-y-2">
          <h2 id="svc-h" className="text-lg font-semibold">
            Services shared with you
          </h2>
          {view.services.length === 0 ? (
            <p className="text-sm text-slate-600">
              No services of this device are shared with you.
            </p>
          ) : (
            <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
              {view.services.map((s) => (
                <li key={s.id} className="flex items-center gap-3 px-4 py-2 text-sm">
                  <span className="font-medium">{s.name}</span>
                  <span className="text-slate-600">
                    {s.kind} · port {s.port}
                  </span>
                  <span className="ml-auto">
                    {remote.allowed ? (
                      <OperationButton
                        deviceId={device.id}
                        operation="remote"
                        serviceId={s.id}
                        label={`Connect to ${s.name}`}
                      />
                    ) : null}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </div>
  );
}
