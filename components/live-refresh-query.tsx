"use client";

import { QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

type Props = { scope: "sharer" | "recipient"; intervalMs: number };

function Poller({ scope, intervalMs }: Props) {
  const router = useRouter();
  const last = useRef<string | null>(null);
  // Polls only while the tab is visible, and at once when it regains focus.
  const { data } = useQuery({
    queryKey: ["live-version", scope],
    queryFn: async ({ signal }) => {
      const res = await fetch(`/api/live?scope=${scope}`, { cache: "no-store", signal });
      if (!res.ok) throw new Error(`live version: ${res.status}`);
      return ((await res.json()) as { version: string }).version;
    },
    refetchInterval: intervalMs,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: "always",
    retry: false,
  });
  useEffect(() => {
    if (!data) return;
    if (last.current !== null && last.current !== data) router.refresh();
    last.current = data;
  }, [data, router]);
  return null;
}

/** Loaded after the page (see live-refresh.tsx): the query cache lives only where it is used. */
export default function LiveRefreshQuery(props: Props) {
  const [client] = useState(() => new QueryClient());
  return (
    <QueryClientProvider client={client}>
      <Poller {...props} />
    </QueryClientProvider>
  );
}
