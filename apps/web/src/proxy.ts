// Next 16's request proxy (formerly middleware): security headers with a per-request CSP nonce on
// every response, the CSRF check for state-changing requests authenticated by cookie, and request
// bodies past their limit or (server actions) that Next could not decode answered 413 / 400.
import { type NextRequest, NextResponse } from "next/server";
import { bodyTooLarge } from "./lib/body-limits";
import {
  appOrigins,
  CROSS_SITE_REFUSAL,
  cspForPath,
  isCrossSiteRequest,
  securityHeaders,
} from "./lib/security";
import { refuseServerActionBody } from "./lib/server-action-body";

export async function proxy(request: NextRequest) {
  // Our origins come from the configuration, never from the request's Host headers.
  const allowedOrigins = appOrigins(process.env);
  const secure =
    request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const headers = securityHeaders({ nonce, dev: process.env.NODE_ENV === "development", secure });
  headers["Content-Security-Policy"] = cspForPath(
    request.nextUrl.pathname,
    headers["Content-Security-Policy"] ?? "",
  );

  if (isCrossSiteRequest({ method: request.method, headers: request.headers, allowedOrigins })) {
    const refused = NextResponse.json(CROSS_SITE_REFUSAL, { status: 403 });
    for (const [k, v] of Object.entries(headers)) refused.headers.set(k, v);
    return refused;
  }

  const refusal = bodyTooLarge(request.headers) ?? (await refuseServerActionBody(request));
  if (refusal) {
    const refused = NextResponse.json(refusal.body, { status: refusal.status });
    for (const [k, v] of Object.entries(headers)) refused.headers.set(k, v);
    return refused;
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"] ?? "");
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [k, v] of Object.entries(headers)) response.headers.set(k, v);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|favicon.ico).*)" }],
};
