// Tiny HTML helpers for the email templates. Emails cannot use React server rendering
// cheaply here, so every interpolated value goes through `esc` — the only safe way in.

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for both element content and double/single-quoted attribute values. */
export function esc(value: unknown): string {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** Escaped text with line breaks kept, for free-form messages typed by users. */
export function escMultiline(value: string): string {
  return esc(value).replace(/\r?\n/g, "<br>");
}

/** Header values must stay on one line: a newline in a name must not forge headers. */
export function oneLine(value: string): string {
  return value
    .replace(/[\r\n\t]+/g, " ")
    .replace(/\s{2,}/g, " ")
    .trim();
}

const FONT = "font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif";

/** A paragraph of already-escaped HTML. */
export const p = (inner: string): string =>
  `<p style="margin:0 0 16px;font-size:15px;line-height:1.5;color:#1f2937">${inner}</p>`;

/** A call-to-action button plus the raw URL under it (some clients strip buttons). */
export function button(label: string, url: string): string {
  return (
    `<p style="margin:24px 0 8px"><a href="${esc(url)}" style="display:inline-block;` +
    `background:#2563eb;color:#ffffff;text-decoration:none;padding:10px 18px;` +
    `border-radius:6px;font-weight:600;${FONT}">${esc(label)}</a></p>` +
    `<p style="margin:0 0 16px;font-size:12px;color:#6b7280;word-break:break-all">` +
    `<a href="${esc(url)}" style="color:#2563eb">${esc(url)}</a></p>`
  );
}

/** A bulleted list of escaped items. */
export function list(items: string[]): string {
  const li = items.map((i) => `<li style="margin:0 0 4px">${esc(i)}</li>`).join("");
  return `<ul style="margin:0 0 16px;padding-left:20px;font-size:15px;color:#1f2937">${li}</ul>`;
}

/** The quoted invitation message. */
export function quote(message: string): string {
  return (
    `<blockquote style="margin:0 0 16px;padding:8px 12px;border-left:3px solid #d1d5db;` +
    `color:#374151;font-size:15px;white-space:normal">${escMultiline(message)}</blockquote>`
  );
}

/** Wraps body HTML in a minimal, inline-styled document (no external assets). */
export function layout(title: string, body: string): string {
  return (
    `<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)}</title></head>` +
    `<body style="margin:0;padding:24px;background:#f3f4f6;${FONT}">` +
    `<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">` +
    `<h1 style="margin:0 0 16px;font-size:20px;color:#111827">${esc(title)}</h1>${body}` +
    `<p style="margin:24px 0 0;font-size:12px;color:#9ca3af">Sent by Keyshare.</p>` +
    `</div></body></html>`
  );
}
