"use client";

import { useState } from "react";
import { DeviceForm } from "@/components/devices/device-form";
import { buttonStyles } from "@/components/ui/button-styles";
import { Modal } from "@/components/ui/modal";

type Initial = { deviceId: string; name: string; hardwareId: string; group: string; kind: string };

/** The edit form lives in a dialog so its fields never clash with the Add service form's. */
export function EditDeviceButton({ initial, groups }: { initial: Initial; groups: string[] }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={buttonStyles.secondary} onClick={() => setOpen(true)}>
        Edit device
      </button>
      <Modal open={open} onClose={() => setOpen(false)} title={`Edit ${initial.name}`}>
        <DeviceForm initial={initial} groups={groups} />
      </Modal>
    </>
  );
}
