// Plain strings in a plain module: server components can use them (a "use client" module
// would hand them a client reference instead of the class names). The classes are defined
// in app/globals.css.
export const buttonStyles = {
  primary: "btn btn-primary",
  secondary: "btn btn-secondary",
  danger: "btn btn-danger",
  ghost: "btn btn-ghost",
};
