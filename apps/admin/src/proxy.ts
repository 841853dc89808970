import { type NextRequest, NextResponse } from "next/server";

/**
 * The browser calls the API on this app's own origin (`/api/trpc/*`), so the API's session cookie is
 * first-party. The API's address is read per request — not frozen into the build as `rewrites` would
 * be — so one build can serve an API on any port (the browser tests start theirs on a free one).
 */
export function proxy(request: NextRequest): NextResponse {
  const target = new URL(request.nextUrl.pathname.replace(/^\/api\/trpc/, "/trpc") + request.nextUrl.search, apiBaseUrl());
  return NextResponse.rewrite(target);
}

function apiBaseUrl(): string {
  // Indexed access keeps the bundler from inlining a build-time value.
  return process.env["NIANBAO_API_URL"] || "http://127.0.0.1:4000";
}

export const config = { matcher: "/api/trpc/:path*" };
