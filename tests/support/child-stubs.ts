// What the server actions need from Next.js and Auth.js, for a child process that calls the
// real actions outside a request (tests/support/child.ts). esbuild maps those imports here.
type User = { id: string; email: string; name: string };
const g = globalThis as unknown as { __keyshareUser?: User | null };

export const revalidatePath = (): void => undefined;
export const revalidateTag = (): void => undefined;
const control = (digest: string) => Object.assign(new Error(digest), { digest });
export function redirect(url: string): never {
  throw control(`NEXT_REDIRECT;replace;${url};307;`);
}
export const permanentRedirect = redirect;
export function notFound(): never {
  throw control("NEXT_HTTP_ERROR_FALLBACK;404");
}
export const headers = async () => new Headers({ "x-forwarded-for": "203.0.113.7" });
export const cookies = async () => ({
  get: () => undefined,
  set: () => undefined,
  delete: () => undefined,
});
export class AuthError extends Error {}

export const getCurrentUser = async () => g.__keyshareUser ?? null;
export const getSessionClaims = async () => null;
export async function requireUser() {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  return user;
}
export const safeReturnPath = (v: unknown, fallback = "/devices") =>
  typeof v === "string" && v.startsWith("/") && !v.startsWith("//") ? v : fallback;
export const auth = async () => null;
export const signIn = async () => redirect("/devices");
export const signOut = async () => redirect("/sign-in");
export const handlers = {};

export const kickEmailWorker = () => false;
export const startEmailWorker = () => undefined;
export const stopEmailWorker = () => undefined;
