import Link from "next/link";
import { withParams, type SearchParams } from "@/lib/request/search-params";

export function Pagination({
  path,
  sp,
  page,
  pageCount,
  total,
  noun,
}: {
  path: string;
  sp: SearchParams;
  page: number;
  pageCount: number;
  total: number;
  noun: string;
}) {
  if (total === 0) return null;
  return (
    <nav
      aria-label="Pagination"
      className="mt-4 flex items-center justify-between text-sm text-slate-600"
    >
      <span>
        {total} {noun}
        {total === 1 ? "" : "s"} · page {page} of {pageCount}
      </span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link
            className="inline-flex items-center rounded border border-slate-300 bg-white px-2 py-1 max-sm:min-h-11"
            href={withParams(path, sp, { page: page - 1 })}
          >
            Previous page
          </Link>
        ) : null}
        {page < pageCount ? (
          <Link
            className="inline-flex items-center rounded border border-slate-300 bg-white px-2 py-1 max-sm:min-h-11"
            href={withParams(path, sp, { page: page + 1 })}
          >
            Next page
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
