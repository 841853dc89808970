import type { NextConfig } from "next";

// The API's address is NOT configured here: rewrites are frozen at build time, while one build must
// serve any API (tests start it on a free port). src/proxy.ts reads NIANBAO_API_URL per request.
const config: NextConfig = {
  // Several people and test runs build the same app at once; each gets its own build folder.
  distDir: process.env.NIANBAO_ADMIN_DIST_DIR || ".next",
  // @nianbao/core exports TypeScript source.
  transpilePackages: ["@nianbao/core"],
  typedRoutes: false,
  // `pnpm typecheck` checks types; the build does not repeat it (it would also check the workspace
  // packages the app imports types from, and double the build time on a small machine).
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  reactStrictMode: true,
  // Report files travel base64-encoded through src/proxy.ts; the API accepts up to 10 MiB of JSON.
  experimental: { proxyClientMaxBodySize: "16mb" },
};

export default config;
