import type {
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from "react";

type Common = { label: string; name: string; errors?: string[]; hint?: ReactNode; id?: string };

export const inputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm " +
  "focus:border-brand-600 aria-[invalid=true]:border-red-600";

function FieldShell({
  id,
  label,
  errors,
  hint,
  children,
}: Common & { id: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={`${id}-error`} errors={errors} />
    </div>
  );
}

export function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  return (
    <div id={id} aria-live="polite" aria-atomic="true">
      {errors?.map((e) => (
        <p key={e} className="text-sm text-red-700">
          {e}
        </p>
      ))}
    </div>
  );
}

/** What every control shares: its id and name, the invalid flag, and hint/error wiring. */
function controlProps(fid: string, name: string, errors: string[] | undefined, hint: unknown) {
  return {
    id: fid,
    name,
    className: inputClass,
    "aria-invalid": errors?.length ? true : undefined,
    "aria-describedby": [hint ? `${fid}-hint` : null, `${fid}-error`].filter(Boolean).join(" "),
  } as const;
}

export function TextField({
  label,
  name,
  errors,
  hint,
  id,
  ...rest
}: Common & InputHTMLAttributes<HTMLInputElement>) {
  const fid = id ?? `f-${name}`;
  return (
    <FieldShell id={fid} label={label} name={name} errors={errors} hint={hint}>
      <input {...controlProps(fid, name, errors, hint)} {...rest} />
    </FieldShell>
  );
}

export function TextAreaField({
  label,
  name,
  errors,
  hint,
  id,
  ...rest
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const fid = id ?? `f-${name}`;
  return (
    <FieldShell id={fid} label={label} name={name} errors={errors} hint={hint}>
      <textarea {...controlProps(fid, name, errors, hint)} {...rest} />
    </FieldShell>
  );
}

export function SelectField({
  label,
  name,
  errors,
  hint,
  id,
  children,
  ...rest
}: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  const fid = id ?? `f-${name}`;
  return (
    <FieldShell id={fid} label={label} name={name} errors={errors} hint={hint}>
      <select {...controlProps(fid, name, errors, hint)} {...rest}>
        {children}
      </select>
    </FieldShell>
  );
}
