// `npm run admin:create -- --email you@example.com --name "Your Name"`: creates the instance
// administrator (password from STRIDES_ADMIN_PASSWORD or the first line of standard input), or
// promotes an existing account to administrator. Migrates the database first.
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { isAppError } from "@strides/content";
import { createAdminAccount } from "./create-admin-account.ts";
import { openDatabaseForCli } from "./open-database.ts";

const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" } },
});
if (!values.email) {
  console.error(
    "usage: npm run admin:create -- --email EMAIL [--name NAME]  (password: STRIDES_ADMIN_PASSWORD or stdin)",
  );
  process.exit(2);
}

async function readPassword(): Promise<string | undefined> {
  if (process.env.STRIDES_ADMIN_PASSWORD) return process.env.STRIDES_ADMIN_PASSWORD;
  if (process.stdin.isTTY)
    process.stderr.write("password (8+ characters, empty to only promote): ");
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) {
    rl.close();
    return line || undefined;
  }
  return undefined;
}

const { handle } = await openDatabaseForCli();
try {
  const result = await createAdminAccount({
    db: handle.db,
    email: values.email,
    name: values.name ?? values.email.split("@")[0] ?? "admin",
    password: await readPassword(),
    now: new Date(),
  });
  console.log(
    result.created
      ? `strides: created administrator ${values.email}`
      : `strides: ${values.email} is now an administrator`,
  );
} catch (error) {
  console.error(`strides: ${isAppError(error) ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await handle.close();
}
