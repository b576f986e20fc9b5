#!/usr/bin/env node
// `npm start`: build (when needed), create and migrate the database, seed the demo (when empty and
// STRIDES_DEMO is not 0), then serve the production build on http://$HOST:$PORT. HOST defaults to
// 127.0.0.1 (this machine only); set HOST=0.0.0.0 and BETTER_AUTH_URL to serve a network.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  BUILD_STAMP_FILE,
  SERVER_BUNDLE as bundle,
  sourceStamp,
} from "../apps/web/scripts/server-bundle.mjs";
import { serverEnv, serverNodeFlags } from "./server-node-flags.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const web = join(root, "apps/web");
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  TURBO_TELEMETRY_DISABLED: "1",
  CHECKPOINT_DISABLE: "1",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
};
const port = env.PORT || "3000";
const host = env.HOST || "127.0.0.1";
const loopback = ["127.0.0.1", "localhost", "::1"].includes(host);
const dataDir = resolve(root, env.STRIDES_DATA_DIR || "data");
mkdirSync(dataDir, { recursive: true });

// A missing secret is an error for the production server; the quick start keeps a generated one.
if (!env.BETTER_AUTH_SECRET) {
  const file = join(dataDir, "auth-secret");
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
    console.log(
      `strides: generated BETTER_AUTH_SECRET into ${file} (set BETTER_AUTH_SECRET to use your own)`,
    );
  }
  env.BETTER_AUTH_SECRET = readFileSync(file, "utf8").trim();
}
// Every variable the server reads, checked before the build: a wrong one stops here, named.
run("npx", ["tsx", "apps/web/src/server/check-env.ts"]);
// Our origin (CSRF checks, better-auth, server actions) comes from BETTER_AUTH_URL only, never from
// the request's Host header: on a network, it must be the address people type.
if (!env.BETTER_AUTH_URL && !loopback) {
  console.warn(
    `strides: HOST=${host} but BETTER_AUTH_URL is not set: browsers reaching this server by another name than localhost will be refused. Set BETTER_AUTH_URL=http://<address people use>:${port}`,
  );
}
env.BETTER_AUTH_URL ||= `http://localhost:${port}`;

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env, cwd: root, ...opts });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const rev = sourceStamp();
const isBuilt = () =>
  existsSync(join(web, ".next", "BUILD_ID")) &&
  existsSync(bundle) &&
  existsSync(BUILD_STAMP_FILE) &&
  readFileSync(BUILD_STAMP_FILE, "utf8") === rev;
if (!isBuilt() || env.STRIDES_REBUILD === "1") {
  console.log("strides: building the web app …");
  // Concurrent starts (tests, benches) wait for one build instead of failing on Next's lock.
  const useFlock = spawnSync("flock", ["--version"], { stdio: "ignore" }).status === 0;
  // apps/web's `build`: `next build`, the service worker and the server's bundle.
  const build = ["npm", "run", "build"];
  const [cmd, ...args] = useFlock
    ? [
        "flock",
        join(web, ".build.lock"),
        "sh",
        "-c",
        `[ -f "${BUILD_STAMP_FILE}" ] && [ "$(cat "${BUILD_STAMP_FILE}")" = "${rev}" ] && [ "${env.STRIDES_REBUILD ?? ""}" != 1 ] || { ${build.join(" ")}; }`,
      ]
    : ["sh", "-c", build.join(" ")];
  run(cmd, args, { cwd: web, env: { ...env, NODE_ENV: "production" } });
  writeFileSync(BUILD_STAMP_FILE, rev);
}

console.log("strides: preparing the database …");
run("npx", ["tsx", "packages/db/src/cli/prepare-db.ts"]);

console.log(`strides: serving on ${env.BETTER_AUTH_URL} (listening on ${host}:${port})`);
// The production server: Next's handler plus the review API's direct route (its bundle, from
// apps/web/src/server/main.ts).
const child = spawn(process.execPath, [...serverNodeFlags(env), bundle], {
  cwd: web,
  stdio: "inherit",
  env: serverEnv({ ...env, NODE_ENV: "production", PORT: port, HOST: host }),
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
