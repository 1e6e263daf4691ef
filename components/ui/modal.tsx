"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";

// The sheet (phones) / centred box (sm up) and its title bar, described below.
const SHEET =
  "m-0 h-dvh max-h-none w-full max-w-none flex-col overflow-y-auto overscroll-contain bg-white p-0 shadow-xl " +
  "open:flex sm:m-auto sm:open:block sm:h-fit sm:max-h-[90vh] sm:w-[calc(100%-2rem)] sm:rounded-lg";
const TITLE_BAR =
  "sticky top-0 z-10 flex shrink-0 items-center justify-between gap-4 border-b border-slate-200 bg-white " +
  "py-1 pr-2 pl-4 sm:static sm:border-0 sm:px-6 sm:pt-5 sm:pb-0";

/**
 * A modal built on the native <dialog>: showModal() makes the page inert (focus stays
 * inside), Escape closes it, and focus returns to the opener — no library needed. The
 * <dialog> is only put in the page the first time it opens: list pages have one or two
 * per row, and rendering 100 closed dialogs cost every page view for nothing.
 * On phones it is a full-screen sheet (title on top, the `.dialog-footer` button row pinned
 * to the bottom); from `sm` up, a centred dialog.
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
      className={`${SHEET} ${wide ? "sm:max-w-2xl" : "sm:max-w-md"}`}
    >
      {open ? (
        <>
          <div className={TITLE_BAR}>
            <h2 id={titleId} className="text-lg font-semibold">
              {title}
            </h2>
            <button
              type="button"
              onClick={onClose}
              className="btn btn-ghost -mr-2 text-xl leading-none text-slate-600 sm:mr-0"
              aria-label="Close"
            >
              ×
            </button>
          </div>
          <div className="dialog-body flex flex-1 flex-col p-4 sm:block sm:space-y-4 sm:p-6 sm:pt-4">
            {children}
          </div>
        </>
      ) : null}
    </dialog>
  );
}
