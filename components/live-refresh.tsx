"use client";

import dynamic from "next/dynamic";

/**
 * Keeps a server-rendered list live: polls a tiny version stamp of the caller's shares and
 * re-renders the page (server components) only when something changed on the other side —
 * e.g. the sharer's list when a recipient accepts. TanStack Query does the polling; it is
 * loaded after first paint, so it adds nothing to the page's first-load JavaScript.
 */
const LiveRefreshQuery = dynamic(() => import("./live-refresh-query"), { ssr: false });

export function LiveRefresh({
  scope,
  intervalMs = 4000,
}: {
  scope: "sharer" | "recipient";
  intervalMs?: number;
}) {
  return <LiveRefreshQuery scope={scope} intervalMs={intervalMs} />;
}
