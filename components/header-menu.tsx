"use client";

import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";

/**
 * The header's links behind a `Menu` button below `lg` (a disclosure: aria-expanded, Escape
 * or a tap elsewhere closes it and focus returns to the button). From `lg` up the same
 * links sit inline and the button is gone: one copy of each link, at every width.
 * `inline={false}`: from `lg` up neither the button nor the links show (signed-out pages,
 * whose own content links to sign in and sign up: the same names twice would be ambiguous).
 */
const PANEL =
  "absolute inset-x-0 top-full z-40 flex-col gap-1 border-b border-slate-200 bg-white px-4 pt-2 pb-4 shadow-lg";

export function HeaderMenu({ children, inline = true }: { children: ReactNode; inline?: boolean }) {
  const pathname = usePathname();
  // Open for the page it was opened on: following a link closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpenOn(null);
      button.current?.focus();
    };
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpenOn(null);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);

  return (
    <div
      ref={root}
      className={`ml-auto flex items-center ${inline ? "lg:ml-0 lg:flex-1" : "lg:hidden"}`}
      onBlur={(e) => {
        // Tabbing out of the open menu closes it.
        if (e.relatedTarget && !root.current?.contains(e.relatedTarget as Node)) setOpenOn(null);
      }}
    >
      <button
        ref={button}
        type="button"
        className="btn btn-secondary lg:hidden"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpenOn(open ? null : pathname)}
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5" fill="currentColor">
          {open ? (
            <path d="M5.3 4.2 10 8.9l4.7-4.7 1.1 1.1-4.7 4.7 4.7 4.7-1.1 1.1-4.7-4.7-4.7 4.7-1.1-1.1 4.7-4.7-4.7-4.7z" />
          ) : (
            <path d="M3 5h14v1.5H3zm0 4.25h14v1.5H3zM3 13.5h14V15H3z" />
          )}
        </svg>
        Menu
      </button>
      <div
        id={id}
        className={`${open ? "flex" : "hidden"} ${PANEL} ${
          inline
            ? "lg:static lg:flex lg:flex-1 lg:flex-row lg:items-center lg:gap-4 lg:border-0 lg:p-0 lg:shadow-none"
            : ""
        }`}
        onClick={(e) => {
          if ((e.target as HTMLElement).closest("a")) setOpenOn(null);
        }}
      >
        {children}
      </div>
    </div>
  );
}
