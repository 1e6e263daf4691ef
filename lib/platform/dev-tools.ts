/**
 * Developer pages (the local email outbox) exist only in development: `next dev` (NODE_ENV
 * is not production) with KEYSHARE_DEV_TOOLS=1. `npm start` always runs production, so a
 * deployment never serves them, whatever APP_URL says.
 */
export function devToolsEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV !== "production" && env.KEYSHARE_DEV_TOOLS === "1";
}

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Whether an APP_URL is this machine (a local install), not a public address. */
export function isLocalAppUrl(appUrl: string | undefined): boolean {
  if (!appUrl) return true; // npm start's default is http://localhost:$PORT
  try {
    const host = new URL(appUrl).hostname;
    return LOCAL_HOSTS.has(host) || host.endsWith(".localhost");
  } catch {
    return false;
  }
}

/**
 * Demo accounts (with their published password) go only into a local install, or where
 * someone asks for them with KEYSHARE_SEED=demo; KEYSHARE_SEED=0 never seeds. A public
 * APP_URL never gets accounts whose password is in the README.
 */
export function demoSeedAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.KEYSHARE_SEED === "demo") return true;
  if (env.KEYSHARE_SEED === "0") return false;
  return isLocalAppUrl(env.APP_URL);
}
