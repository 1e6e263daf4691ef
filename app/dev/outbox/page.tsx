import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { pageContext } from "@/lib/request/page-context";
import { devToolsEnabled } from "@/lib/platform/dev-tools";
import { listOutbox } from "@/lib/platform/email/outbox";
import { formatDateTime } from "@/lib/platform/format";

export const metadata: Metadata = { title: "Outbox", robots: { index: false } };

/**
 * The signed-in developer's own mail, newest first: how developers read mail without SMTP.
 * Only in development with KEYSHARE_DEV_TOOLS=1 (a 404 otherwise), and never anyone else's
 * mail: invitations hold working sharing links.
 */
export default async function OutboxPage() {
  if (!devToolsEnabled()) notFound();
  const { user, db } = await pageContext("/dev/outbox");
  const mails = await listOutbox(db, { limit: 100, to: user.email });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Outbox</h1>
      <p className="text-sm text-slate-600">
        Mail to {user.email}.{" "}
        {process.env.SMTP_URL
          ? "SMTP_URL is set: these emails were sent over SMTP (their text is not kept)."
          : "No SMTP_URL: emails stay here instead of being sent."}{" "}
        Development only.
      </p>
      {mails.length === 0 ? <p className="text-sm text-slate-600">No emails yet.</p> : null}
      <ul className="space-y-3">
        {mails.map((m) => (
          <li key={m.id} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
            <details>
              <summary className="cursor-pointer">
                <span className="font-medium">{m.subject}</span> — to {m.to} · {m.status} ·{" "}
                {formatDateTime(m.createdAt)}
              </summary>
              <pre className="mt-2 whitespace-pre-wrap font-sans text-slate-700">{m.text}</pre>
            </details>
          </li>
        ))}
      </ul>
    </div>
  );
}
