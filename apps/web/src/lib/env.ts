// The web app's environment, read and validated in one place (the schema: env-schema.ts).
import "server-only";
import { parseWebEnv } from "./env-schema";

function readEnv() {
  const parsed = parseWebEnv(process.env);
  if (!parsed.ok) throw new Error(`Invalid environment: ${parsed.message}`);
  return parsed.env;
}

export const env = readEnv();
