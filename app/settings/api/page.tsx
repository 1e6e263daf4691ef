import type { Metadata } from "next";
import Link from "next/link";
import { CreateTokenForm } from "@/components/settings/create-token-form";
import { SettingsCollection } from "@/components/settings/settings-collection";
import { TokenList } from "@/components/settings/token-list";
import { pageContext } from "@/lib/request/page-context";
import { listApiTokens } from "@/lib/api/tokens";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage() {
  const { user, db, now } = await pageContext("/settings/api");
  const tokens = await listApiTokens(db, user.id);
  return (
    <SettingsCollection
      title="API tokens"
      intro={
        <>
          A token lets a script use the <Link href="/docs/api">Keyshare API</Link> as you: it sees
          and changes only what you can. Send it as <code>Authorization: Bearer &lt;token&gt;</code>
          .
        </>
      }
      ids={{ add: "new-token-heading", list: "tokens-heading" }}
      addHeading="New token"
      addForm={<CreateTokenForm />}
      listHeading="Your tokens"
      list={<TokenList tokens={tokens} now={now} />}
    />
  );
}
