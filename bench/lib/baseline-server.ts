// Starts the bench baseline (bench/baseline/*-server.ts) as its own process, like the app's server.
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { freePort, waitForHttp } from "./net.ts";
import { repoRoot } from "./web-server.ts";

export interface BaselineServer {
  baseUrl: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startBaselineServer(
  provider: "sqlite" | "postgres",
  databaseUrl: string,
): Promise<BaselineServer> {
  const port = await freePort();
  const script = join(
    repoRoot,
    "bench/baseline",
    provider === "sqlite" ? "sqlite-server.ts" : "pg-server.ts",
  );
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHttp(`${baseUrl}/api/v1/decks`, 30_000, () => child.exitCode === null);
  return {
    baseUrl,
    child,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await exited;
    },
  };
}
