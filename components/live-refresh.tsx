"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * Keeps a server-rendered list live: polls a tiny version stamp of the caller's shares and
 * re-renders the page (server components) only when something changed on the other side.
 */
export function LiveRefresh({ scope, intervalMs = 4000 }: { scope: "sharer" | "recipient"; intervalMs?: number }) {
  const router = useRouter();
  const last = useRef<string | null>(null);
  const { data } = useQuery({
    queryKey: ["live", scope],
    queryFn: async () => {
      const res = await fetch(`/api/live?scope=${scope}`, { cache: "no-store" });
      if (!res.ok) throw new Error(String(res.status));
      return ((await res.json()) as { version: string }).version;
    },
    refetchInterval: intervalMs,
    refetchIntervalInBackground: false,
  });
  useEffect(() => {
    if (!data) return;
    if (last.current !== null && last.current !== data) router.refresh();
    last.current = data;
  }, [data, router]);
  return null;
}
