// `npm run backup -- FILE` writes the whole instance to FILE (gzip-compressed JSON);
// `npm run restore -- FILE` restores such a file into an empty database (migrated first).
import { createWriteStream, readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip, gunzipSync } from "node:zlib";
import { isAppError } from "@strides/content";
import { openDb } from "../client.ts";
import { readDbConfig } from "../env.ts";
import { migrateDatabase } from "../migrate.ts";
import { restoreInstance, streamInstanceBackup } from "./backup-instance.ts";

const [command, file] = process.argv.slice(2);
if ((command !== "backup" && command !== "restore") || !file) {
  console.error("usage: npm run backup -- FILE.json.gz | npm run restore -- FILE.json.gz");
  process.exit(2);
}
const config = readDbConfig();
await migrateDatabase(config.url);
const handle = await openDb(config.url);
try {
  if (command === "backup") {
    // Streamed: pages of rows are compressed and written as they are read.
    await pipeline(
      Readable.from(streamInstanceBackup({ db: handle.db, now: new Date() })),
      createGzip(),
      createWriteStream(file, { mode: 0o600 }),
    );
    console.log(`strides: wrote ${file}`);
  } else {
    const raw = readFileSync(file);
    const text = (raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw).toString("utf8");
    const { rows } = await restoreInstance({ db: handle.db, backup: JSON.parse(text) });
    console.log(`strides: restored ${rows} rows from ${file}`);
  }
} catch (error) {
  console.error(`strides: ${isAppError(error) ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await handle.close();
}
