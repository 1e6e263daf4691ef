"use client";

import { useRouter } from "next/navigation";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FieldErrors } from "@/lib/request/field-errors";
import { shareDevicesAction, type ShareDevicesState } from "@/lib/actions/shares";
import type { Operation } from "@/lib/sharing/permissions";
import { policyErrors, type SharingPolicy } from "@/lib/sharing/policies/policy";
import type { PermissionChoice } from "@/components/sharing/permissions-field";
import type { expiryTimestamp } from "@/components/sharing/expiry-field";
import type { scheduleRequest } from "@/components/sharing/schedule-fields";
import type { ServiceChoice } from "@/components/sharing/service-picker";
import { splitRecipients } from "@/components/sharing/recipients-field";

/** What the share dialog sends (the server parses it with the share schema). */
export type ShareRequestPayload = {
  recipients: string;
  groups: string[];
  deviceIds?: string[];
  filter?: { q?: string; group?: string };
  services: Record<string, ServiceChoice>;
  permissions: Operation[] | PermissionChoice;
  expiresAt: ReturnType<typeof expiryTimestamp>;
  description: string;
  notify: boolean;
  message: string;
  skipConflicts: boolean;
  schedule: ReturnType<typeof scheduleRequest>;
  replaceShareId?: string;
};

/**
 * The share dialog's request: the sharing policy's refusals without a round trip (the server
 * checks the same rules again), then shareDevicesAction. After a share the page refreshes,
 * except when sharing again: that cancelled the share the page is about (it would be a 404).
 */
export function useShareRequest({
  policy,
  onShared,
  replaceShareId,
}: {
  policy?: SharingPolicy;
  onShared?: () => void;
  replaceShareId?: string;
}) {
  const router = useRouter();
  return useActionForm<ShareDevicesState["data"], ShareRequestPayload>(
    async (prev, payload) => {
      const expiresAt = payload.expiresAt;
      const refused =
        policy && expiresAt !== ""
          ? policyErrors(policy, {
              recipients: splitRecipients(payload.recipients),
              expiresAt,
              now: Date.now(),
            })
          : null;
      if (refused)
        return {
          ok: false,
          message: "Your sharing policy does not allow this share. Nothing was shared.",
          fieldErrors: refused as FieldErrors,
        };
      return shareDevicesAction(prev, payload);
    },
    {
      onSuccess: () => {
        onShared?.();
        if (!replaceShareId) router.refresh();
      },
    },
  );
}
