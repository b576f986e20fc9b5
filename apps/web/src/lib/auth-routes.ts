// Which of better-auth's HTTP endpoints the app serves. better-auth mounts ~30 under /api/auth; the
// app's pages call five (sign-up, sign-in, password change, the mailed password reset) and read the
// session in process (`auth.api.getSession`, never over HTTP). The others are refused (404), among
// them `/get-session` and `/list-sessions`, whose JSON carries session tokens a script injected
// into a page could read and replay elsewhere (the cookie itself is HttpOnly), and `/update-user`,
// `/revoke-session`, `/list-accounts`…, which nothing here uses.

/** The endpoints a browser may call, by method, as paths under /api/auth. */
const PUBLIC_AUTH_ENDPOINTS: Record<string, readonly RegExp[]> = {
  POST: [
    /^\/sign-up\/email$/,
    /^\/sign-in\/email$/,
    /^\/change-password$/,
    /^\/request-password-reset$/,
    /^\/reset-password$/,
  ],
  // The link a reset mail carries: better-auth checks its token and redirects to the form.
  GET: [/^\/reset-password\/[A-Za-z0-9_-]+$/],
};

export const AUTH_BASE_PATH = "/api/auth";

/** Whether a request to better-auth's handler reaches an endpoint the app serves. */
export function isPublicAuthEndpoint(method: string, pathname: string): boolean {
  if (!pathname.startsWith(`${AUTH_BASE_PATH}/`)) return false;
  const path = pathname.slice(AUTH_BASE_PATH.length);
  return (PUBLIC_AUTH_ENDPOINTS[method.toUpperCase()] ?? []).some((re) => re.test(path));
}
