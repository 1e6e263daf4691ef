import { ConfirmAction } from "@/components/ui/confirm-action";
import { revokeApiTokenAction } from "@/lib/actions/api-tokens";
import type { TokenView } from "@/lib/api/tokens";

const day = (ms: number | null, none: string) =>
  ms == null ? none : new Date(ms).toISOString().slice(0, 10);

/** One card per token: name, scopes, created, last used, expiry, Revoke. */
export function TokenList({ tokens, now }: { tokens: TokenView[]; now: number }) {
  if (tokens.length === 0)
    return (
      <p className="text-sm text-slate-600">No tokens yet. Create one for your first script.</p>
    );
  return (
    <ul className="space-y-3" aria-label="Your tokens">
      {tokens.map((t) => {
        const expired = t.expiresAt != null && t.expiresAt <= now;
        return (
          <li
            key={t.id}
            aria-label={t.name}
            className="flex flex-wrap items-start justify-between gap-3 rounded-md border border-slate-200 p-3"
          >
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              <dt className="text-slate-500">Name</dt>
              <dd className="font-medium break-all">{t.name}</dd>
              <dt className="text-slate-500">Token</dt>
              <dd className="font-mono text-xs">{t.prefix}…</dd>
              <dt className="text-slate-500">Scopes</dt>
              <dd>{t.scopeList.map((s) => (s === "read" ? "Read" : "Write")).join(", ")}</dd>
              <dt className="text-slate-500">Created</dt>
              <dd>{day(t.createdAt, "—")}</dd>
              <dt className="text-slate-500">Last used</dt>
              <dd>{day(t.lastUsedAt, "Never")}</dd>
              <dt className="text-slate-500">Expires</dt>
              <dd>{expired ? `Expired ${day(t.expiresAt, "")}` : day(t.expiresAt, "Never")}</dd>
            </dl>
            <ConfirmAction
              label="Revoke"
              title={`Revoke ${t.name}?`}
              action={revokeApiTokenAction}
              fields={{ tokenId: t.id }}
            >
              Scripts using this token stop working at once. This cannot be undone.
            </ConfirmAction>
          </li>
        );
      })}
    </ul>
  );
}
