import type { Metadata } from "next";
import Link from "next/link";
import { AccessFilters } from "@/components/access/access-filters";
import { AccessMatrixTable } from "@/components/access/access-matrix-table";
import { ExportCsvLink } from "@/components/ui/export-csv-link";
import { Pagination } from "@/components/ui/pagination";
import { parseMatrixFilters } from "@/lib/access/matrix/filters";
import { accessMatrix, MATRIX_MAX_RECIPIENTS } from "@/lib/access/matrix/query";
import { pageContext } from "@/lib/request/page-context";
import { listGroups } from "@/lib/devices/queries";
import { withParams, type SearchParams } from "@/lib/request/search-params";

export const metadata: Metadata = { title: "Who has access" };

export default async function AccessPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const sp = await searchParams;
  const { user, db, now } = await pageContext(withParams("/access", sp, {}));
  const { page, ...filters } = parseMatrixFilters(sp);
  const m = await accessMatrix(db, { ownerId: user.id, now: now, page, ...filters });
  const filtered = !!(
    filters.group ||
    filters.device ||
    filters.recipient ||
    filters.status !== "current"
  );

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">Who has access</h1>
        <ExportCsvLink href={withParams("/access/export", sp, { page: undefined })} />
      </div>
      <AccessFilters f={filters} groups={await listGroups(db, user.id)} />
      {m.recipientTotal > MATRIX_MAX_RECIPIENTS ? (
        <p role="note" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">
          Showing the first {MATRIX_MAX_RECIPIENTS} of {m.recipientTotal} recipients (A–Z). Filter
          by recipient to see the others, or export the CSV for all of them.
        </p>
      ) : null}
      {m.devices.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
          {filtered ? (
            <p>Nobody matches these filters.</p>
          ) : (
            <p>
              Nobody has access to your devices. Go to{" "}
              <Link className="text-brand-700 underline" href="/devices">
                My devices
              </Link>{" "}
              to share some.
            </p>
          )}
        </div>
      ) : (
        <AccessMatrixTable m={m} />
      )}
      <Pagination
        path="/access"
        sp={sp}
        page={m.page}
        pageCount={m.pageCount}
        total={m.deviceTotal}
        noun="device"
      />
    </div>
  );
}
