// Plain strings in a plain module: server components can use them (a "use client" module
// would hand them a client reference instead of the class names).
const base =
  "inline-flex items-center justify-center gap-1 rounded-md px-3 py-2 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-60";

export const buttonStyles = {
  primary: `${base} bg-brand-600 text-white hover:bg-brand-700`,
  secondary: `${base} border border-slate-300 bg-white text-slate-800 hover:bg-slate-100`,
  danger: `${base} bg-red-600 text-white hover:bg-red-700`,
  ghost: `${base} text-slate-700 hover:bg-slate-100`,
};
