import Link from "next/link";
import type { ReactNode } from "react";
import { buttonStyles } from "@/components/ui/button-styles";
import { inputClass } from "@/components/ui/field";

/**
 * The list pages' filter bar: a plain GET form, so the filters live in the URL (they
 * survive reloads, can be bookmarked, and a CSV export reads the same ones). "Clear
 * filters" shows only while some filter is set.
 */
export function FilterForm(props: { action: string; filtered: boolean; children: ReactNode }) {
  return (
    <form
      role="search"
      action={props.action}
      className="grid grid-cols-2 items-end gap-3 sm:flex sm:flex-wrap"
    >
      {props.children}
      <button type="submit" className={buttonStyles.secondary}>
        Apply filters
      </button>
      {props.filtered ? (
        <Link href={props.action} className={buttonStyles.ghost}>
          Clear filters
        </Link>
      ) : null}
    </form>
  );
}

type Labelled = { id: string; label: string; name: string; wide?: boolean };

function Labelled({ id, label, wide, children }: Labelled & { children: ReactNode }) {
  return (
    <div className={wide ? "col-span-2" : undefined}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children}
    </div>
  );
}

/** A text, search or date filter. `wide`: the whole first row on phones. */
export function FilterInput(
  props: Labelled & { type: "search" | "date"; value?: string; placeholder?: string },
) {
  return (
    <Labelled {...props}>
      <input
        id={props.id}
        name={props.name}
        type={props.type}
        defaultValue={props.value}
        placeholder={props.placeholder}
        className={inputClass}
      />
    </Labelled>
  );
}

/** A choice filter; the options are the children. */
export function FilterSelect(props: Labelled & { value?: string; children: ReactNode }) {
  return (
    <Labelled {...props}>
      <select id={props.id} name={props.name} defaultValue={props.value} className={inputClass}>
        {props.children}
      </select>
    </Labelled>
  );
}
