"use client";

import type { ButtonHTMLAttributes } from "react";
import { useFormStatus } from "react-dom";
import { buttonStyles } from "@/components/ui/button-styles";

export function SubmitButton({
  children,
  variant = "primary",
  pendingText,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: keyof typeof buttonStyles;
  pendingText?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      className={buttonStyles[variant]}
      disabled={pending || rest.disabled}
      aria-busy={pending}
      {...rest}
    >
      {children}
      {pending && pendingText ? <span className="sr-only">{pendingText}</span> : null}
    </button>
  );
}
