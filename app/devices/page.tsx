import type { Metadata } from "next";
import Link from "next/link";
import { DeviceFilters } from "@/components/devices/device-filters";
import { DeviceTable } from "@/components/devices/device-table";
import { listOwnGroups } from "@/lib/groups/store";
import { buttonStyles } from "@/components/ui/button-styles";
import { Pagination } from "@/components/ui/pagination";
import { pageContext } from "@/lib/request/page-context";
import { listGroups, listOwnedDevices } from "@/lib/devices/queries";
import { getSharingPolicy } from "@/lib/sharing/policies/store";
import { pageParam, param, withParams, type SearchParams } from "@/lib/request/search-params";

export const metadata: Metadata = { title: "My devices" };

export default async function DevicesPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const sp = await searchParams;
  const { user, db } = await pageContext(withParams("/devices", sp, {}));
  const q = param(sp, "q");
  const group = param(sp, "group");
  const list = await listOwnedDevices(db, { ownerId: user.id, q, group, page: pageParam(sp) });
  const groups = await listGroups(db, user.id);
  const added = param(sp, "added") ? list.rows.find((d) => d.id === param(sp, "added")) : undefined;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">My devices</h1>
        <div className="ml-auto flex gap-2">
          <Link href="/devices/import" className={buttonStyles.secondary}>
            Import devices
          </Link>
          <Link href="/devices/new" className={buttonStyles.secondary}>
            Add device
          </Link>
        </div>
      </div>
      {added ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          Added {added.name}.{" "}
          <Link className="underline" href={`/devices/${added.id}`}>
            Add its services
          </Link>
        </p>
      ) : null}
      {param(sp, "deleted") ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          Device deleted. Everyone it was shared with lost access to it.
        </p>
      ) : null}
      <DeviceFilters q={q} group={group} groups={groups} />
      <DeviceTable
        key={`${q ?? ""}|${group ?? ""}|${list.page}`}
        rows={list.rows}
        total={list.total}
        filter={{ q, group }}
        filtered={!!(q || group)}
        selfEmail={user.email}
        policy={await getSharingPolicy(db, user.id)}
        recipientGroups={await listOwnGroups(db, user.id)}
      />
      <Pagination
        path="/devices"
        sp={sp}
        page={list.page}
        pageCount={list.pageCount}
        total={list.total}
        noun="device"
      />
    </div>
  );
}
