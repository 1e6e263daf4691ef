// The module mocks for calling server actions in-process (authorization matrix, hostile input):
// the API suites' database and email mocks, plus the signed-in person from the harness, an
// auth module that only redirects, fixed request headers, and Next's cache and navigation.
// Import this module first in the test file, before anything that loads the mocked modules.
import "./api";
import { vi } from "vitest";

vi.mock("@/lib/accounts/session", async (orig) => ({
  ...(await orig<object>()),
  getCurrentUser: async () => (await import("../harness")).state.user,
}));
vi.mock("@/lib/accounts/auth", async () => {
  const h = await import("../harness");
  return {
    auth: async () => null,
    handlers: {},
    signIn: async (_p: string, o: { redirectTo: string }) => h.nextRedirect(o.redirectTo),
    signOut: async () => h.nextRedirect("/sign-in"),
  };
});
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.9" }),
  cookies: async () => ({ get: () => undefined }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("next/navigation", async () => (await import("../harness")).navigationMock);
