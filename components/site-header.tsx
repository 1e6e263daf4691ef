import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/session";
import { signOutAction } from "@/lib/actions/auth";
import { buttonStyles } from "@/components/ui/button-styles";

const nav = [
  { href: "/devices", label: "My devices" },
  { href: "/shared-by-me", label: "Shared by Me" },
  { href: "/shared-with-me", label: "Shared with Me" },
  { href: "/access", label: "Who has access" },
  { href: "/activity", label: "Activity" },
  { href: "/settings", label: "Settings" },
];

export async function SiteHeader() {
  const user = await getCurrentUser();
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-3">
        <Link href={user ? "/devices" : "/"} className="text-lg font-semibold text-brand-700">
          Keyshare
        </Link>
        {user ? (
          <>
            <nav aria-label="Main" className="flex gap-1">
              {nav.map((n) => (
                <Link key={n.href} href={n.href} className="rounded px-2 py-1 text-sm text-slate-700 hover:bg-slate-100">
                  {n.label}
                </Link>
              ))}
            </nav>
            <div className="ml-auto flex items-center gap-3 text-sm">
              <Link href="/account" className="text-slate-600 hover:underline" title={user.email}>
                {user.name}
              </Link>
              <form action={signOutAction}>
                <button type="submit" className={buttonStyles.secondary}>
                  Sign out
                </button>
              </form>
            </div>
          </>
        ) : null}
      </div>
    </header>
  );
}
