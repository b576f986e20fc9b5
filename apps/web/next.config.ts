import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { MAX_SERVER_ACTION_BYTES, PROXY_BODY_BYTES } from "./src/lib/body-limits";
import { appOrigins } from "./src/lib/security";

const withNextIntl = createNextIntlPlugin({
  requestConfig: "./src/i18n/request.ts",
  experimental: {
    // ICU messages compiled at build time: pages format them without ICU's parser
    // (intl-messageformat, ~12 KB gzip of every page's first-load JavaScript).
    messages: {
      path: "./src/messages",
      format: "json",
      locales: ["en", "ko"],
      sourceLocale: "en",
      precompile: true,
    },
  },
});

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Internal packages are consumed from source.
  transpilePackages: ["@strides/content", "@strides/db"],
  serverExternalPackages: [
    "better-sqlite3",
    "pg",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    "@open-spaced-repetition/binding",
  ],
  typescript: { ignoreBuildErrors: false },
  // No next/image anywhere: Next's resizer (/_next/image) stays off (404) rather than fetching and
  // re-encoding images for anyone who asks.
  images: { unoptimized: true },
  experimental: {
    // Body limits (src/lib/body-limits.ts): proxy.ts answers 413 past them.
    proxyClientMaxBodySize: PROXY_BODY_BYTES,
    serverActions: {
      bodySizeLimit: MAX_SERVER_ACTION_BYTES,
      // Server actions trust our configured origins (BETTER_AUTH_URL, STRIDES_TRUSTED_ORIGINS);
      // proxy.ts refuses any POST whose Origin is not one of them before Next's own check, which
      // would otherwise accept an Origin equal to the (attacker-controlled) Host header.
      allowedOrigins: appOrigins(process.env).map((o) => new URL(o).host),
    },
  },
  turbopack: { root: new URL("../..", import.meta.url).pathname },
  outputFileTracingRoot: new URL("../..", import.meta.url).pathname,
};

export default withNextIntl(config);
