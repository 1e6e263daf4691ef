import Link from "next/link";
import { getCurrentUser } from "@/lib/accounts/session";
import { signOutAction } from "@/lib/actions/auth";
import { buttonStyles } from "@/components/ui/button-styles";
import { HeaderMenu } from "@/components/header-menu";

/** Sign-out answers with a redirect; a plain form action takes the form data alone. */
const signOut = async (fd: FormData): Promise<void> => {
  "use server";
  await signOutAction(undefined, fd);
};

const nav = [
  { href: "/devices", label: "My devices" },
  { href: "/shared-by-me", label: "Shared by Me" },
  { href: "/shared-with-me", label: "Shared with Me" },
  { href: "/groups", label: "Groups" },
  { href: "/access", label: "Who has access" },
  { href: "/activity", label: "Activity" },
  { href: "/settings", label: "Settings" },
];

// Links in the open phone menu are full-width rows of 44 px; inline from `lg` up.
const navLink =
  "flex min-h-11 items-center rounded px-2 text-slate-700 hover:bg-slate-100 lg:min-h-0 lg:py-1";

export async function SiteHeader() {
  const user = await getCurrentUser();
  return (
    <header className="relative border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center gap-4 px-4 py-2 lg:py-3">
        <Link
          href={user ? "/devices" : "/"}
          className="flex min-h-11 items-center text-lg font-semibold text-brand-700"
        >
          Keyshare
        </Link>
        {user ? (
          <HeaderMenu>
            <nav
              aria-label="Main"
              className="flex flex-col text-base lg:flex-row lg:gap-1 lg:text-sm"
            >
              {nav.map((n) => (
                <Link key={n.href} href={n.href} className={navLink}>
                  {n.label}
                </Link>
              ))}
            </nav>
            <div className="flex items-center gap-3 border-t border-slate-200 pt-3 text-sm lg:ml-auto lg:border-0 lg:pt-0">
              <Link
                href="/account"
                className="flex min-h-11 min-w-0 items-center truncate text-slate-600 hover:underline lg:min-h-0"
                title={user.email}
              >
                {user.name}
              </Link>
              <form action={signOut} className="ml-auto lg:ml-0">
                <button type="submit" className={buttonStyles.secondary}>
                  Sign out
                </button>
              </form>
            </div>
          </HeaderMenu>
        ) : (
          // Signed out, the pages themselves offer sign in and sign up; the phone menu too.
          <HeaderMenu inline={false}>
            <nav aria-label="Main" className="flex flex-col text-base">
              <Link href="/sign-in" className={navLink}>
                Sign in
              </Link>
              <Link href="/sign-up" className={navLink}>
                Create an account
              </Link>
            </nav>
          </HeaderMenu>
        )}
      </div>
    </header>
  );
}
