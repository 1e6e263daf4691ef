import type { Metadata } from "next";
import Link from "next/link";
import { NewGroupDialog } from "@/components/groups/new-group-dialog";
import { pageContext } from "@/lib/request/page-context";
import { listOwnGroups } from "@/lib/groups/store";
import { formatDate } from "@/lib/platform/format";
import { param, type SearchParams } from "@/lib/request/search-params";

export const metadata: Metadata = { title: "Groups" };

export default async function GroupsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const sp = await searchParams;
  const { user, db } = await pageContext("/groups");
  const groups = await listOwnGroups(db, user.id);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">Groups</h1>
        <div className="ml-auto">
          <NewGroupDialog />
        </div>
      </div>
      <p className="text-sm text-slate-600">
        Share devices with a crew at once. Membership is live: people you add get access to the
        group&apos;s shares at once, people you remove lose it at once.
      </p>
      {param(sp, "deleted") ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          Group deleted. Its shares were cancelled.
        </p>
      ) : null}
      {groups.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
          <p>You have no groups yet.</p>
        </div>
      ) : (
        <ul
          aria-label="Your groups"
          className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white"
        >
          {groups.map((g) => (
            <li key={g.id} className="flex flex-wrap items-center gap-3 px-4 py-3 text-sm">
              <Link
                href={`/groups/${g.id}`}
                className="flex min-h-11 items-center font-medium text-brand-700 hover:underline"
              >
                {g.name}
              </Link>
              <span className="text-slate-600">
                {g.memberCount} member{g.memberCount === 1 ? "" : "s"}
              </span>
              <span className="ml-auto text-xs text-slate-500">
                Created {formatDate(g.createdAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
