// `npm run admin:reset -- --email you@example.com [--hours 24]`: prints a one-time password-reset
// link for that account (for an administrator who lost their own password, on the server).
// The link's host is BETTER_AUTH_URL, else http://localhost:$PORT.
import { parseArgs } from "node:util";
import { isAppError } from "@strides/content";
import { createResetLinkFromCli } from "../recovery/create-reset-link.ts";
import { resetLinkUrl } from "../recovery/reset-token.ts";
import { openDatabaseForCli } from "./open-database.ts";

const { values } = parseArgs({
  options: { email: { type: "string" }, hours: { type: "string" } },
});
if (!values.email) {
  console.error("usage: npm run admin:reset -- --email EMAIL [--hours 24]");
  process.exit(2);
}

const base = process.env.BETTER_AUTH_URL || `http://localhost:${process.env.PORT || "3000"}`;
const { handle } = await openDatabaseForCli();
try {
  const link = await createResetLinkFromCli({
    db: handle.db,
    email: values.email,
    now: new Date(),
    expiresInHours: values.hours === undefined ? undefined : Number(values.hours),
  });
  console.log(resetLinkUrl(base, link.token));
  console.error(
    `strides: this link sets a new password for ${values.email} once, until ${link.expiresAt.toISOString()}.`,
  );
} catch (error) {
  console.error(`strides: ${isAppError(error) ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await handle.close();
}
