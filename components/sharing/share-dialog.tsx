"use client";

import { useState } from "react";
import type { DeviceRow } from "@/lib/devices/queries";
import type { ShareDevicesData } from "@/lib/actions/shares";
import type { Operation } from "@/lib/sharing/permissions";
import { Modal } from "@/components/ui/modal";
import { buttonStyles } from "@/components/ui/button-styles";
import { FormMessage } from "@/components/ui/form-message";
import { TextAreaField, TextField } from "@/components/ui/field";
import { RecipientsField } from "@/components/sharing/recipients-field";
import { PermissionsField, type PermissionChoice } from "@/components/sharing/permissions-field";
import { ExpiryField, expiryTimestamp, type ExpiryChoice } from "@/components/sharing/expiry-field";
import {
  ScheduleFields,
  defaultSchedule,
  scheduleRequest,
  type ScheduleState,
} from "@/components/sharing/schedule-fields";
import { ServicePicker, type ServiceChoice } from "@/components/sharing/service-picker";
import { ShareResult } from "@/components/sharing/share-result";
import { ConflictList } from "@/components/sharing/conflict-list";
import { orList, type SharingPolicy } from "@/lib/sharing/policies/policy";
import { GroupsField, type GroupChoice } from "@/components/groups/groups-field";
import { useShareRequest, type ShareRequestPayload } from "@/components/sharing/use-share-request";

export type DeviceSelection =
  | { mode: "ids"; ids: string[]; devices: DeviceRow[] }
  | { mode: "filter"; filter: { q?: string; group?: string }; count: number };

/** Values to start from, when sharing again with changes ("cancel and share again"). */
export type ShareDraft = {
  recipients: string;
  /** Group ids (lib/groups) to share with. */
  groups: string[];
  preset: PermissionChoice;
  custom: Operation[];
  expiry: ExpiryChoice;
  date: string;
  description: string;
  message: string;
  notify: boolean;
  schedule: ScheduleState;
  services: Record<string, ServiceChoice>;
};

type Props = {
  selection: DeviceSelection;
  onShared?: () => void;
  selfEmail?: string;
  draft?: Partial<ShareDraft>;
  /** The share this one replaces: it is cancelled in the same transaction. */
  replaceShareId?: string;
  triggerLabel?: string;
  defaultOpen?: boolean;
  /** The owner's sharing policy: default expiry, maximum, allowed domains (checked here and on the server). */
  policy?: SharingPolicy;
  /** The sharer's groups, for the `Groups` field. */
  groups?: GroupChoice[];
};

export function ShareDialog({
  selection,
  onShared,
  selfEmail = "",
  draft,
  replaceShareId,
  triggerLabel = "Share devices",
  defaultOpen = false,
  policy,
  groups = [],
}: Props) {
  const [open, setOpen] = useState(defaultOpen);
  const [recipients, setRecipients] = useState(draft?.recipients ?? "");
  const [groupIds, setGroupIds] = useState<string[]>(draft?.groups ?? []);
  const [preset, setPreset] = useState<PermissionChoice>(draft?.preset ?? "Viewer");
  const [custom, setCustom] = useState<Operation[]>(draft?.custom ?? ["view"]);
  const [expiry, setExpiry] = useState<ExpiryChoice>(
    draft?.expiry ?? policy?.defaultExpiry ?? "7d",
  );
  const [date, setDate] = useState(draft?.date ?? "");
  const [description, setDescription] = useState(draft?.description ?? "");
  const [notify, setNotify] = useState(draft?.notify ?? true);
  const [message, setMessage] = useState(draft?.message ?? "");
  const [schedule, setSchedule] = useState(() => draft?.schedule ?? defaultSchedule());
  const [services, setServices] = useState<Record<string, ServiceChoice>>(draft?.services ?? {});
  const {
    state,
    pending,
    submit: send,
    clear,
  } = useShareRequest({ policy, onShared, replaceShareId });

  const count = selection.mode === "ids" ? selection.ids.length : selection.count;
  const demo = selection.mode === "ids" ? selection.devices.filter((d) => d.demo) : [];

  function reset() {
    setRecipients("");
    setGroupIds([]);
    setDescription("");
    setMessage("");
    setServices({});
    clear();
  }

  function submit(skipConflicts = false) {
    const payload: ShareRequestPayload = {
      recipients,
      groups: groupIds,
      ...(selection.mode === "ids" ? { deviceIds: selection.ids } : { filter: selection.filter }),
      services: Object.fromEntries(Object.entries(services).filter(([, v]) => v !== "all")),
      permissions: preset === "Custom" ? custom : preset,
      expiresAt: expiryTimestamp(expiry, date),
      description,
      notify,
      message,
      skipConflicts,
      schedule: scheduleRequest(schedule),
      replaceShareId,
    };
    send(payload);
  }

  const e = state?.fieldErrors;
  const conflicts =
    !state?.ok && state?.data && "conflicts" in state.data ? state.data.conflicts : undefined;
  const done = state?.ok ? (state.data as ShareDevicesData) : undefined;
  return (
    <>
      <button type="button" className={buttonStyles.primary} onClick={() => setOpen(true)}>
        {triggerLabel}
      </button>
      <Modal
        open={open}
        onClose={() => {
          setOpen(false);
          if (done) reset();
        }}
        title="Share devices"
        wide
      >
        {done ? (
          <ShareResult
            result={done}
            onClose={() => {
              setOpen(false);
              reset();
            }}
          />
        ) : (
          <form
            className="space-y-4"
            noValidate
            onSubmit={(ev) => {
              ev.preventDefault();
              submit(false);
            }}
          >
            {replaceShareId ? (
              <p className="rounded bg-brand-50 px-3 py-2 text-sm text-brand-700">
                Sharing again replaces the current share: it is cancelled and a new one with these
                settings is created, in one step.
              </p>
            ) : null}
            <p className="text-sm text-slate-700">
              {count === 0
                ? "No devices selected: close this dialog and tick the devices to share."
                : `Sharing ${count} device${count === 1 ? "" : "s"}.`}
            </p>
            {demo.length ? (
              <p className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-800">
                Demo devices cannot be shared: {demo.map((d) => d.name).join(", ")}. Deselect them
                to continue.
              </p>
            ) : null}
            {selection.mode === "ids" &&
            selection.devices.length > 0 &&
            selection.devices.length <= 50 ? (
              <ServicePicker devices={selection.devices} value={services} onChange={setServices} />
            ) : null}
            {e?.deviceIds || e?.services ? (
              <p className="text-sm text-red-700">
                {[...(e.deviceIds ?? []), ...(e.services ?? [])].join(" ")}
              </p>
            ) : null}
            <RecipientsField
              value={recipients}
              onChange={setRecipients}
              errors={e?.recipients}
              selfEmail={selfEmail}
            />
            <GroupsField
              groups={groups}
              value={groupIds}
              onChange={setGroupIds}
              errors={e?.groups}
            />
            {policy?.allowedDomains.length ? (
              <p className="-mt-3 text-xs text-slate-500">
                Your sharing policy allows recipients at {orList(policy.allowedDomains)}.
              </p>
            ) : null}
            <PermissionsField
              preset={preset}
              custom={custom}
              onPreset={setPreset}
              onCustom={setCustom}
              errors={e?.permissions}
            />
            <ExpiryField
              choice={expiry}
              date={date}
              onChoice={setExpiry}
              onDate={setDate}
              errors={e?.expiresAt}
              maxDays={policy?.maxExpiryDays}
            />
            <ScheduleFields value={schedule} onChange={setSchedule} errors={e} />
            <TextField
              label="Description"
              name="description"
              id="share-description"
              value={description}
              onChange={(ev) => setDescription(ev.target.value)}
              maxLength={500}
              placeholder="e.g. Boiler maintenance, December"
              errors={e?.description}
            />
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={notify}
                onChange={(ev) => setNotify(ev.target.checked)}
              />
              Notify recipients
            </label>
            <TextAreaField
              label="Message"
              name="message"
              id="share-message"
              rows={3}
              value={message}
              onChange={(ev) => setMessage(ev.target.value)}
              maxLength={2000}
              hint={
                notify ? "Included in the invitation email." : "Shown on the sharing link page."
              }
              errors={e?.message}
            />
            {conflicts?.length ? (
              <ConflictList conflicts={conflicts} onSkip={() => submit(true)} pending={pending} />
            ) : null}
            <FormMessage state={state} />
            <div className="dialog-footer">
              <button
                type="submit"
                className={buttonStyles.primary}
                disabled={pending}
                aria-busy={pending}
              >
                Share
              </button>
            </div>
          </form>
        )}
      </Modal>
    </>
  );
}
