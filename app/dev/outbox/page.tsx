import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/session";
import { devToolsEnabled } from "@/lib/dev-tools";
import { listOutbox } from "@/lib/email/outbox";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Outbox", robots: { index: false } };

/** Every email the portal queued, newest first: how developers read mail without SMTP. */
export default async function OutboxPage() {
  if (!devToolsEnabled()) notFound();
  await requireUser("/dev/outbox");
  const mails = listOutbox(getDb(), { limit: 100 });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Outbox</h1>
      <p className="text-sm text-slate-600">
        {process.env.SMTP_URL ? "SMTP_URL is set: these emails were also sent over SMTP." : "No SMTP_URL: emails stay here instead of being sent."} Local installs only.
      </p>
      {mails.length === 0 ? <p className="text-sm text-slate-600">No emails yet.</p> : null}
      <ul className="space-y-3">
        {mails.map((m) => (
          <li key={m.id} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
            <details>
              <summary className="cursor-pointer">
                <span className="font-medium">{m.subject}</span> — to {m.to} · {m.status} · {formatDateTime(m.createdAt)}
              </summary>
              <pre className="mt-2 whitespace-pre-wrap font-sans text-slate-700">{m.text}</pre>
            </details>
          </li>
        ))}
      </ul>
    </div>
  );
}
