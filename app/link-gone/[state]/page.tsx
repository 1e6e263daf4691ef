import type { Metadata } from "next";
import { LinkGone } from "@/components/links/link-gone";

export const metadata: Metadata = {
  title: "Sharing link",
  referrer: "no-referrer",
  robots: { index: false },
};

const STATES = ["used", "declined", "expired", "lapsed", "invalid"] as const;

/** Where the proxy sends sharing links that no longer work, with a 404 or 410 status. */
export default async function LinkGonePage({ params }: { params: Promise<{ state: string }> }) {
  const { state } = await params;
  const known = STATES.find((s) => s === state) ?? "invalid";
  return <LinkGone state={known} />;
}
