import { defineConfig } from "vitest/config";

// Tests run in a non-UTC zone with daylight-saving time so that time-zone bugs cannot pass by luck.
const TZ = "America/New_York";

const common = {
  env: { TZ },
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

export default defineConfig({
  test: {
    projects: [
      {
        // "server-only" guards bundles, not Node: server modules' pure parts are unit-tested.
        resolve: {
          alias: {
            "server-only": new URL("./test/authz/empty.ts", import.meta.url).pathname,
          },
        },
        test: {
          ...common,
          name: "unit",
          include: [
            "packages/**/src/**/*.test.ts",
            "apps/**/src/**/*.test.ts",
            "test/unit/**/*.test.ts",
            "test/fuzz/**/*.test.ts",
            "bench/**/*.test.ts",
          ],
          exclude: ["**/node_modules/**", "**/*.integration.test.ts", "**/*.pg.test.ts"],
        },
      },
      {
        test: {
          ...common,
          name: "integration",
          include: [
            "packages/**/src/**/*.integration.test.ts",
            "apps/**/src/**/*.integration.test.ts",
            "test/integration/**/*.test.ts",
          ],
          env: { ...common.env, STRIDES_TEST_DB: "sqlite" },
          fileParallelism: false,
        },
      },
      {
        test: {
          ...common,
          name: "postgres",
          include: [
            "packages/**/src/**/*.integration.test.ts",
            "apps/**/src/**/*.integration.test.ts",
            "test/integration/**/*.test.ts",
          ],
          env: { ...common.env, STRIDES_TEST_DB: "postgres" },
          fileParallelism: false,
        },
      },
      {
        test: {
          ...common,
          name: "reliability",
          include: ["test/reliability/**/*.reliability.test.ts"],
          fileParallelism: false,
          testTimeout: 900_000,
          hookTimeout: 900_000,
        },
      },
      {
        // The authorization matrix: route handlers and server actions in process (Next's request
        // APIs and the session are stubbed), each case on a fresh copy of a SQLite fixture.
        resolve: {
          alias: {
            "@/": new URL("./apps/web/src/", import.meta.url).pathname,
            "server-only": new URL("./test/authz/empty.ts", import.meta.url).pathname,
          },
        },
        test: {
          ...common,
          name: "authz",
          include: ["test/authz/**/*.test.ts"],
          env: { ...common.env, STRIDES_TEST_DB: "sqlite" },
        },
      },
      {
        test: {
          ...common,
          name: "e2e",
          include: ["test/e2e/**/*.e2e.test.ts", "test/api/**/*.e2e.test.ts"],
          fileParallelism: false,
          testTimeout: 120_000,
        },
      },
    ],
  },
});
