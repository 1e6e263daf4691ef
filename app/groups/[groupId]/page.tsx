import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import {
  AddMembersForm,
  RemoveMemberButton,
  RenameGroupForm,
} from "@/components/groups/group-forms";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { deleteGroupAction } from "@/lib/actions/groups";
import { pageContext, type PageContext } from "@/lib/request/page-context";
import { NotFoundError } from "@/lib/platform/errors";
import { getGroup } from "@/lib/groups/store";
import { formatDate } from "@/lib/platform/format";

export const metadata: Metadata = { title: "Group" };

async function load({ user, db, now }: PageContext, groupId: string) {
  try {
    return await getGroup(db, { ownerId: user.id, groupId, now });
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
}

export default async function GroupPage({ params }: { params: Promise<{ groupId: string }> }) {
  const { groupId } = await params;
  const ctx = await pageContext(`/groups/${groupId}`);
  const { group, members, liveShares } = await load(ctx, groupId);
  const ending = `${liveShares} share${liveShares === 1 ? "" : "s"}`;
  return (
    <div className="space-y-6">
      <Link href="/groups" className="text-sm text-brand-700 underline">
        Back to groups
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold break-all">{group.name}</h1>
        <span className="text-sm text-slate-600">
          {members.length} member{members.length === 1 ? "" : "s"} · shared with in {ending}
        </span>
        <div className="ml-auto">
          <ConfirmAction
            label="Delete group"
            title={`Delete the group ${group.name}?`}
            action={deleteGroupAction}
            fields={{ groupId: group.id }}
          >
            {liveShares
              ? `${ending} with this group will end: every member loses access at once. `
              : "No share with this group is live. "}
            A new group with the same name will not get any of them back.
          </ConfirmAction>
        </div>
      </div>
      <section className="space-y-2">
        <h2 id="members-heading" className="text-lg font-semibold">
          Members
        </h2>
        {members.length === 0 ? (
          <p className="text-sm text-slate-600">No members yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
            {members.map((m) => (
              <li
                key={m.email}
                aria-label={m.email}
                className="flex flex-wrap items-center gap-3 px-4 py-2 text-sm"
              >
                <div className="min-w-48 flex-1 break-all">
                  <div className="font-medium">{m.name ?? m.email}</div>
                  {m.name ? <div className="text-xs text-slate-500">{m.email}</div> : null}
                  <div className="text-xs text-slate-500">Added {formatDate(m.addedAt)}</div>
                </div>
                <RemoveMemberButton groupId={group.id} email={m.email} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="grid gap-6 md:grid-cols-2">
        <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="add-heading" className="text-lg font-semibold">
            Add members
          </h2>
          <AddMembersForm groupId={group.id} />
        </section>
        <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="rename-heading" className="text-lg font-semibold">
            Rename
          </h2>
          <RenameGroupForm groupId={group.id} name={group.name} />
        </section>
      </div>
    </div>
  );
}
