"use client";

import { useState, useTransition } from "react";
import { listServicesAction } from "@/lib/actions/shares";

export type ServiceChoice = "all" | string[];
type Svc = { id: string; deviceId: string; name: string; kind: string; port: number };

/** Per device: all services (default, includes services added later) or a chosen subset. */
type PickerDevice = { id: string; name: string; serviceCount: number };

export function ServicePicker({
  devices,
  value,
  onChange,
}: {
  devices: PickerDevice[];
  value: Record<string, ServiceChoice>;
  onChange: (v: Record<string, ServiceChoice>) => void;
}) {
  const [services, setServices] = useState<Svc[] | null>(null);
  const [, start] = useTransition();
  const withServices = devices.filter((d) => d.serviceCount > 0);
  if (withServices.length === 0) return null;

  function load(open: boolean) {
    if (!open || services) return;
    start(async () => {
      const r = await listServicesAction(undefined, { deviceIds: withServices.map((d) => d.id) });
      setServices(r.ok && r.data ? r.data : []);
    });
  }

  return (
    <details
      className="rounded-md border border-slate-200 p-3 text-sm"
      onToggle={(e) => load((e.target as HTMLDetailsElement).open)}
    >
      <summary className="cursor-pointer font-medium max-sm:py-3">
        Services: {Object.keys(value).length ? "chosen per device" : "all services of each device"}
      </summary>
      {services === null ? (
        <p className="mt-2 text-slate-500">Loading services…</p>
      ) : (
        <div className="mt-2 space-y-3">
          {withServices.map((d) => {
            const mine = services.filter((s) => s.deviceId === d.id);
            const choice = value[d.id] ?? "all";
            return (
              <fieldset key={d.id} className="space-y-1">
                <legend className="font-medium">{d.name}</legend>
                <label className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    checked={choice === "all"}
                    onChange={(e) =>
                      onChange({
                        ...value,
                        [d.id]: e.target.checked ? "all" : mine.map((s) => s.id),
                      })
                    }
                  />
                  All services of {d.name}
                </label>
                {choice !== "all" ? (
                  <div className="flex flex-wrap gap-3 pl-6">
                    {mine.map((s) => (
                      <label key={s.id} className="flex items-center gap-1">
                        <input
                          type="checkbox"
                          checked={choice.includes(s.id)}
                          onChange={(e) =>
                            onChange({
                              ...value,
                              [d.id]: e.target.checked
                                ? [...choice, s.id]
                                : choice.filter((x) => x !== s.id),
                            })
                          }
                        />
                        {s.name} ({s.kind} {s.port}) on {d.name}
                      </label>
                    ))}
                  </div>
                ) : null}
              </fieldset>
            );
          })}
        </div>
      )}
    </details>
  );
}
