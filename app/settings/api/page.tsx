import type { Metadata } from "next";
import Link from "next/link";
import { CreateTokenForm } from "@/components/settings/create-token-form";
import { TokenList } from "@/components/settings/token-list";
import { pageContext } from "@/lib/request/page-context";
import { listApiTokens } from "@/lib/api/tokens";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage() {
  const { user, db, now } = await pageContext("/settings/api");
  const tokens = await listApiTokens(db, user.id);
  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">API tokens</h1>
        <p className="text-sm text-slate-600">
          A token lets a script use the <Link href="/docs/api">Keyshare API</Link> as you: it sees
          and changes only what you can. Send it as <code>Authorization: Bearer &lt;token&gt;</code>
          .
        </p>
      </div>
      <section className="space-y-3" aria-labelledby="new-token-heading">
        <h2 id="new-token-heading" className="text-lg font-semibold">
          New token
        </h2>
        <CreateTokenForm />
      </section>
      <section className="space-y-3" aria-labelledby="tokens-heading">
        <h2 id="tokens-heading" className="text-lg font-semibold">
          Your tokens
        </h2>
        <TokenList tokens={tokens} now={now} />
      </section>
    </div>
  );
}
