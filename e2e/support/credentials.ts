// Signing in the way a script would: straight at Auth.js's own endpoint, no form, no action.
const BASE = `http://localhost:${process.env.E2E_PORT ?? 3100}`;

function cookiePairs(setCookie: string[]): string[] {
  return setCookie.map((c) => c.split(";")[0]);
}

export type CallbackResult = { signedIn: boolean; status: number; location: string | null };

/**
 * GET /api/auth/csrf, then POST /api/auth/callback/credentials with the token, as the
 * bench and any scripted client do. `headers` lets a test send what an attacker would
 * (a forged X-Forwarded-For, a forged internal client-address header).
 */
export async function callbackSignIn(
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<CallbackResult> {
  const csrf = await fetch(`${BASE}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiePairs(csrf.headers.getSetCookie());
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      ...headers,
      "content-type": "application/x-www-form-urlencoded",
      cookie: jar.join("; "),
    },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${BASE}/devices` }),
  });
  const signedIn = cookiePairs(res.headers.getSetCookie()).some((c) =>
    /^(__Secure-)?authjs\.session-token=./.test(c),
  );
  return { signedIn, status: res.status, location: res.headers.get("location") };
}
