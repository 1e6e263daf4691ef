import fs from "node:fs";
import { expect, test } from "@playwright/test";

// The brand colour the manifest and the theme-color meta must match.
const BRAND = /--color-brand-600:\s*(#[0-9a-f]{6})/i.exec(
  fs.readFileSync("app/globals.css", "utf8"),
)![1];

/** Width × height of a PNG, from its IHDR chunk. */
function pngSize(body: Buffer): string {
  expect(body.subarray(1, 4).toString("latin1")).toBe("PNG");
  return `${body.readUInt32BE(16)}x${body.readUInt32BE(20)}`;
}

test("favicon, app icons and the web manifest are linked from the layout and served", async ({
  page,
  request,
}) => {
  await page.goto("/sign-in");
  const head = page.locator("head");
  await expect(head.locator('meta[name="theme-color"]')).toHaveAttribute("content", BRAND);
  const hrefs = async (sel: string) =>
    head.locator(sel).evaluateAll((els) => els.map((e) => e.getAttribute("href")!));
  expect(await hrefs('link[rel="manifest"]')).toEqual(["/manifest.webmanifest"]);
  expect(await hrefs('link[rel="icon"]')).toEqual(["/favicon.ico", "/icon.svg"]);
  expect(await hrefs('link[rel="apple-touch-icon"]')).toEqual(["/apple-touch-icon.png"]);

  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect([...(await ico.body()).subarray(0, 4)]).toEqual([0, 0, 1, 0]); // an ICO header
  const svg = await request.get("/icon.svg");
  expect(svg.headers()["content-type"]).toContain("image/svg+xml");
  expect(await svg.text()).toContain(BRAND);
  expect(pngSize(await (await request.get("/apple-touch-icon.png")).body())).toBe("180x180");

  const res = await request.get("/manifest.webmanifest");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("application/manifest+json");
  const manifest = (await res.json()) as {
    name: string;
    theme_color: string;
    start_url: string;
    icons: { src: string; sizes: string; type: string }[];
  };
  expect(manifest.name).toBe("Keyshare");
  expect(manifest.theme_color).toBe(BRAND);
  expect(manifest.icons.map((i) => i.sizes)).toEqual(
    expect.arrayContaining(["192x192", "512x512"]),
  );
  for (const icon of manifest.icons) {
    const file = await request.get(icon.src);
    expect(file.status(), icon.src).toBe(200);
    expect(file.headers()["content-type"]).toContain(icon.type);
    if (icon.type === "image/png") expect(pngSize(await file.body()), icon.src).toBe(icon.sizes);
  }
});
