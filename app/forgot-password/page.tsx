import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto max-w-sm space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-semibold">Forgot your password?</h1>
      <p className="text-sm text-slate-600">
        Enter the address you signed up with. We will email it a link to set a new password.
      </p>
      <ForgotPasswordForm />
      <p className="text-sm">
        <Link className="text-brand-700 underline" href="/sign-in">
          Back to sign in
        </Link>
      </p>
    </div>
  );
}
