import { expect, type Page } from "@playwright/test";
import { e2eSql } from "./db";
import { sharerRow } from "./sharing";

/** The id of the newest share to `email`, from its Shared by Me row link. */
export async function shareIdFor(page: Page, email: string): Promise<string> {
  await page.goto(`/shared-by-me?q=${encodeURIComponent(email)}`);
  const href = await sharerRow(page, email).first().getByRole("link").first().getAttribute("href");
  return href!.split("/").pop()!;
}

/** The recipient accepts their (only) pending share from Shared with Me. */
export async function acceptPending(page: Page) {
  await page.goto("/shared-with-me");
  await page.getByRole("button", { name: "Accept" }).first().click();
  await expect(page.getByRole("button", { name: "Leave" }).first()).toBeVisible();
}

/**
 * Moves a share in time (no UI can): made `ageDays` ago, expiring in `expiresInHours`, so
 * the reminder scheduler finds it due without waiting days.
 */
export async function timeShiftShare(
  shareId: string,
  o: { ageDays: number; expiresInHours: number },
): Promise<void> {
  const now = Date.now();
  await e2eSql("update shares set created_at = ?, expires_at = ? where id = ?", [
    now - o.ageDays * 86_400_000,
    now + o.expiresInHours * 3_600_000,
    shareId,
  ]);
}

/** A CSV download, fetched with the page's cookies. */
export async function download(page: Page, href: string) {
  const res = await page.request.get(href);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(res.headers()["content-disposition"]).toMatch(
    /^attachment; filename="keyshare-[a-z-]+-\d{4}-\d{2}-\d{2}\.csv"$/,
  );
  return (await res.text())
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");
}

/** Rewrites the body of server-action POSTs, to show the server refuses what the UI would not send. */
export async function forgeActions(page: Page, rewrite: (body: string) => string) {
  await page.route("**/*", async (route) => {
    const req = route.request();
    const body = req.postData();
    if (req.method() === "POST" && req.headers()["next-action"] && body)
      await route.continue({ postData: rewrite(body) });
    else await route.continue();
  });
}
