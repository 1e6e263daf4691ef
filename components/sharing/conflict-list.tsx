"use client";

import Link from "next/link";
import { buttonStyles } from "@/components/ui/button-styles";
import type { ConflictView } from "@/lib/actions/shares";

/** Shown before anything is written: the sharer decides to skip these pairs, or not. */
export function ConflictList({
  conflicts,
  onSkip,
  pending,
}: {
  conflicts: ConflictView[];
  onSkip: () => void;
  pending: boolean;
}) {
  return (
    <div
      role="alert"
      className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
    >
      <p className="font-medium">
        {conflicts.length} device/recipient pair{conflicts.length === 1 ? " is" : "s are"} already
        shared. Nothing has been written.
      </p>
      <ul className="max-h-40 list-disc overflow-y-auto pl-5">
        {conflicts.slice(0, 100).map((c) => (
          <li key={`${c.deviceId}-${c.recipientEmail}`}>
            {c.deviceName} with {c.recipientEmail} —{" "}
            <Link className="underline" href={`/shared-by-me/${c.shareId}`}>
              existing share
            </Link>{" "}
            (extend or cancel it instead)
          </li>
        ))}
      </ul>
      {conflicts.some((c) => c.groupName) ? (
        <p>
          Group members listed here keep their direct share of those devices: it takes precedence
          over the group&apos;s share. Skipping shares with the group anyway.
        </p>
      ) : null}
      <button type="button" className={buttonStyles.secondary} onClick={onSkip} disabled={pending}>
        Skip conflicts and share the rest
      </button>
    </div>
  );
}
