import Link from "next/link";
import { formatDate } from "@/lib/platform/format";

type Facts = {
  groupId: string;
  groupName: string;
  memberCount: number;
  leavers: { email: string; leftAt: number }[];
};

/** On a group share's page: the group (members now) and who left the share for themselves. */
export function GroupShareFacts({ facts }: { shareId: string; facts: Facts }) {
  return (
    <div className="mt-1 space-y-1 text-sm text-slate-600">
      <p>
        <Link href={`/groups/${facts.groupId}`} className="text-brand-700 underline">
          {facts.groupName}
        </Link>{" "}
        · {facts.memberCount} member{facts.memberCount === 1 ? "" : "s"} now; members have access
        without accepting.
      </p>
      {facts.leavers.length ? (
        <div>
          <p className="font-medium text-slate-700">Left this share</p>
          <ul aria-label="Members who left" className="list-disc pl-5">
            {facts.leavers.map((l) => (
              <li key={l.email}>
                {l.email} <span className="text-xs">({formatDate(l.leftAt)})</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
