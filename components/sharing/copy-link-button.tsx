"use client";

import { useState } from "react";
import { buttonStyles } from "@/components/ui/button-styles";

export function CopyLinkButton({
  link,
  label = "Copy sharing link",
  onCopy,
}: {
  link?: string;
  label?: string;
  onCopy?: () => Promise<string | undefined>;
}) {
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  async function copy() {
    try {
      const value = link ?? (await onCopy?.());
      if (!value) throw new Error("no link");
      await navigator.clipboard.writeText(value);
      setCopied("yes");
    } catch {
      setCopied("no");
    }
    setTimeout(() => setCopied(null), 2500);
  }
  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" className={buttonStyles.secondary} onClick={copy}>
        {label}
      </button>
      <span role="status" className="text-xs text-slate-600">
        {copied === "yes"
          ? "Copied"
          : copied === "no"
            ? "Copy failed: select the link and copy it"
            : ""}
      </span>
    </span>
  );
}
