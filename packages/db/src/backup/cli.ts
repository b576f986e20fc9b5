// `npm run backup -- FILE` writes the whole instance to FILE (gzip-compressed JSON);
// `npm run restore -- FILE` restores such a file into an empty database (migrated first).
import { closeSync, createReadStream, createWriteStream, openSync, readSync } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import { isAppError } from "@strides/content";
import { openDatabaseForCli } from "../cli/open-database.ts";
import { restoreInstanceFromStream, streamInstanceBackup } from "./backup-instance.ts";

const [command, file] = process.argv.slice(2);
if ((command !== "backup" && command !== "restore") || !file) {
  console.error("usage: npm run backup -- FILE.json.gz | npm run restore -- FILE.json.gz");
  process.exit(2);
}
const { handle } = await openDatabaseForCli();
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
    // Streamed: the file is decompressed and parsed as it is read (a backup of any size).
    const magic = Buffer.alloc(2);
    const fd = openSync(file, "r");
    readSync(fd, magic, 0, 2, 0);
    closeSync(fd);
    const raw = createReadStream(file);
    const chunks = magic[0] === 0x1f && magic[1] === 0x8b ? raw.pipe(createGunzip()) : raw;
    const { rows } = await restoreInstanceFromStream({ db: handle.db, chunks });
    console.log(`strides: restored ${rows} rows from ${file}`);
  }
} catch (error) {
  console.error(`strides: ${isAppError(error) ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await handle.close();
}
