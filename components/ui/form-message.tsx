import type { ActionState } from "@/lib/request/action";

/** The form-level outcome, announced to screen readers. */
export function FormMessage({
  state,
  success,
}: {
  state?: ActionState<unknown>;
  success?: string;
}) {
  const text = state?.ok ? success : state?.message;
  return (
    <div aria-live="polite" role="status" className="min-h-5">
      {text ? (
        <p className={state?.ok ? "text-sm text-emerald-700" : "text-sm text-red-700"}>{text}</p>
      ) : null}
    </div>
  );
}
