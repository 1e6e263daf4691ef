/**
 * The public origin used in every link we email. Kept in its own module (re-exported by
 * transport.ts) so the templates can use it without pulling nodemailer into their imports.
 */
export function appUrl(): string {
  const base = process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  // Links are built as `${appUrl()}/path`, so a trailing slash would produce "//path".
  return base.replace(/\/+$/, "");
}
