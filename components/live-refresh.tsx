"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Keeps a server-rendered list live: polls a tiny version stamp of the caller's shares while
 * the tab is visible (and at once when it comes back into view), and re-renders the page
 * (server components) only when something changed on the other side. Plain fetch on purpose:
 * a query library for this one stamp added ~12 kB of gzipped JS to every page (bench/).
 */
export function LiveRefresh({ scope, intervalMs = 4000 }: { scope: "sharer" | "recipient"; intervalMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    let last: string | null = null;
    let inFlight = false;
    const check = async () => {
      if (inFlight || document.visibilityState !== "visible") return;
      inFlight = true;
      try {
        const res = await fetch(`/api/live?scope=${scope}`, { cache: "no-store" });
        if (!res.ok) return;
        const { version } = (await res.json()) as { version: string };
        if (last !== null && last !== version) router.refresh();
        last = version;
      } catch {
        // Offline or the server is restarting: the next tick tries again.
      } finally {
        inFlight = false;
      }
    };
    void check();
    const timer = setInterval(check, intervalMs);
    document.addEventListener("visibilitychange", check);
    window.addEventListener("focus", check);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", check);
      window.removeEventListener("focus", check);
    };
  }, [scope, intervalMs, router]);
  return null;
}
