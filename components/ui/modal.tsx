"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";

/**
 * A modal built on the native <dialog>: showModal() makes the page inert (focus stays
 * inside), Escape closes it, and focus returns to the opener — no library needed. The
 * <dialog> is only put in the page the first time it opens: list pages have one or two
 * per row, and rendering 100 closed dialogs cost every page view for nothing.
 */
export function Modal({
  open,
  onClose,
  title,
  children,
  wide,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // Derived from props during render (React's pattern for it): once opened, it stays.
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open, opened]);
  if (!opened) return null;
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={onClose}
      className={`m-auto max-h-[90vh] w-[calc(100%-2rem)] overflow-y-auto rounded-lg bg-white p-0 shadow-xl ${wide ? "max-w-2xl" : "max-w-md"}`}
    >
      {open ? (
        <div className="space-y-4 p-6">
          <div className="flex items-start justify-between gap-4">
            <h2 id={titleId} className="text-lg font-semibold">
              {title}
            </h2>
            <button type="button" onClick={onClose} className="rounded px-2 text-xl leading-none text-slate-500 hover:bg-slate-100" aria-label="Close">
              ×
            </button>
          </div>
          {children}
        </div>
      ) : null}
    </dialog>
  );
}
