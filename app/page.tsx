import Link from "next/link";
import { redirect } from "next/navigation";
import { buttonStyles } from "@/components/ui/button-styles";
import { getCurrentUser } from "@/lib/accounts/session";

export default async function Home() {
  if (await getCurrentUser()) redirect("/devices");
  return (
    <section className="mx-auto max-w-2xl space-y-6 py-12 text-center">
      <h1 className="text-4xl font-bold tracking-tight">Lend your devices, not your keys.</h1>
      <p className="text-lg text-slate-600">
        Keyshare shares gateways, sensors, locks and the services on them with the people who need
        them — in bulk, for exactly as long as you choose, with exactly the permissions you choose.
        Take it back any time.
      </p>
      <div className="flex justify-center gap-3">
        <Link href="/sign-up" className={buttonStyles.primary}>
          Create an account
        </Link>
        <Link href="/sign-in" className={buttonStyles.secondary}>
          Sign in to Keyshare
        </Link>
      </div>
    </section>
  );
}
