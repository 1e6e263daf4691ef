import { afterEach, describe, expect, it, vi } from "vitest";
import { safeReturnPath } from "./return-path";

describe("safeReturnPath: only paths on this site", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("keeps paths on the site, with their query and fragment", () => {
    vi.stubEnv("APP_URL", "https://keyshare.example.com");
    expect(safeReturnPath("/devices")).toBe("/devices");
    expect(safeReturnPath("/shared-by-me?status=Pending&q=a%20b#top")).toBe(
      "/shared-by-me?status=Pending&q=a%20b#top",
    );
    expect(safeReturnPath("/s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).toBe(
      "/s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    );
    // The app's own absolute URL is fine too: it comes back as its path.
    expect(safeReturnPath("https://keyshare.example.com/devices/new")).toBe("/devices/new");
    // Dot segments resolve like a browser would, and stay on the site.
    expect(safeReturnPath("/devices/../../etc")).toBe("/etc");
  });

  // Each of these leads a browser to example.org (or runs script) if followed as is.
  const hostile = [
    "/\t/example.org",
    "/\n/example.org",
    "/\r/example.org",
    "/\\example.org",
    "\\\\example.org",
    "/\\/example.org",
    "//example.org",
    "///example.org",
    "//example.org/%2F..",
    "https://example.org",
    "https://keyshare.example.com.example.org/",
    "http://keyshare.example.com/devices", // another scheme is another origin
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "/\u0000/example.org",
    "/\u007f/example.org",
    "/\u0085/example.org",
    "",
    "x".repeat(2001),
  ];
  it.each(hostile)("refuses %j", (value) => {
    vi.stubEnv("APP_URL", "https://keyshare.example.com");
    expect(safeReturnPath(value)).toBe("/devices");
  });

  it("refuses what is not a string, with the fallback chosen by the caller", () => {
    for (const v of [undefined, null, 5, ["/devices"], { toString: () => "/devices" }])
      expect(safeReturnPath(v, "/x")).toBe("/x");
  });

  it("decoded forms of encoded attacks are refused (Next decodes searchParams once)", () => {
    vi.stubEnv("APP_URL", "http://localhost:3000");
    expect(safeReturnPath(decodeURIComponent("%2F%09%2Fexample.org"))).toBe("/devices");
    expect(safeReturnPath(decodeURIComponent("%2F%5Cexample.org"))).toBe("/devices");
    // Encoded twice, it is decoded once into a harmless path on the site.
    expect(safeReturnPath(decodeURIComponent("%252F%252Fexample.org"))).toBe("/%2F%2Fexample.org");
  });
});
