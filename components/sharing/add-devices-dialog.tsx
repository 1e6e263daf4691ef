"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { addDevicesAction, searchAddableDevicesAction } from "@/lib/actions/share-manage";
import { Modal } from "@/components/ui/modal";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormMessage } from "@/components/ui/form-message";
import { inputClass } from "@/components/ui/field";
import { ServicePicker, type ServiceChoice } from "@/components/sharing/service-picker";

type Addable = {
  id: string;
  name: string;
  groupPath: string;
  hardwareId: string;
  serviceCount: number;
};

export function AddDevicesDialog({ shareId }: { shareId: string }) {
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState("");
  const [found, setFound] = useState<Addable[] | null>(null);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [services, setServices] = useState<Record<string, ServiceChoice>>({});
  const router = useRouter();
  const {
    state,
    pending,
    submit: send,
  } = useActionForm(addDevicesAction, {
    onSuccess: () => {
      setPicked(new Set());
      setOpen(false);
      router.refresh();
    },
  });

  useEffect(() => {
    if (!open) return;
    const t = setTimeout(async () => {
      const r = await searchAddableDevicesAction(undefined, { shareId, q });
      setFound(r.ok && r.data ? r.data : []);
    }, 200);
    return () => clearTimeout(t);
  }, [open, q, shareId]);

  function submit() {
    const chosen = Object.fromEntries(
      Object.entries(services).filter(([id, v]) => picked.has(id) && v !== "all"),
    );
    send({ shareId, deviceIds: [...picked], services: chosen });
  }

  return (
    <>
      <button type="button" className={buttonStyles.secondary} onClick={() => setOpen(true)}>
        Add devices
      </button>
      <Modal open={open} onClose={() => setOpen(false)} title="Add devices" wide>
        <div className="space-y-3">
          <div>
            <label htmlFor="add-search" className="block text-sm font-medium">
              Find devices
            </label>
            <input
              id="add-search"
              type="search"
              value={q}
              onChange={(e) => setQ(e.target.value)}
              className={inputClass}
              placeholder="Device name"
            />
          </div>
          {found === null ? (
            <p className="text-sm text-slate-500">Loading…</p>
          ) : found.length === 0 ? (
            <p className="text-sm text-slate-600">
              No more devices to add{q ? " match this search" : ""}.
            </p>
          ) : (
            <ul className="max-h-72 space-y-1 overflow-y-auto text-sm">
              {found.map((d) => (
                <li key={d.id}>
                  <label className="flex items-center gap-2">
                    <input
                      type="checkbox"
                      checked={picked.has(d.id)}
                      onChange={(e) =>
                        setPicked((s) => {
                          const n = new Set(s);
                          if (e.target.checked) n.add(d.id);
                          else n.delete(d.id);
                          return n;
                        })
                      }
                    />
                    {d.name}
                    <span className="text-xs text-slate-500">{d.groupPath}</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
          {found && picked.size > 0 && picked.size <= 50 ? (
            <ServicePicker
              key={[...picked].sort().join()}
              devices={found.filter((d) => picked.has(d.id))}
              value={services}
              onChange={setServices}
            />
          ) : null}
          <p className="text-xs text-slate-500">
            Added devices get the share&apos;s permissions, schedule and expiry.
          </p>
          <FormMessage state={state} />
          <div className="dialog-footer">
            <button
              type="button"
              className={buttonStyles.primary}
              disabled={pending || picked.size === 0}
              onClick={submit}
            >
              Add devices{picked.size ? ` (${picked.size})` : ""}
            </button>
          </div>
        </div>
      </Modal>
    </>
  );
}
