// GET the whole instance as gzip-compressed JSON (administrators only).
import { gzipSync } from "node:zlib";
import { AppError } from "@strides/content";
import { backupInstance, can, loadActor } from "@strides/db";
import { apiRoute } from "@/lib/api";
import { db } from "@/lib/db";

export const GET = apiRoute(async (ctx) => {
  const actor = await loadActor({ db, userId: ctx.userId });
  if (!actor || !can({ actor, action: "instance.backup" })) {
    throw new AppError("FORBIDDEN", "administrators only");
  }
  const now = new Date();
  const body = gzipSync(JSON.stringify(await backupInstance({ db, now })));
  const stamp = now.toISOString().slice(0, 19).replace(/[:T]/g, "-");
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/gzip",
      "Content-Disposition": `attachment; filename="strides-backup-${stamp}.json.gz"`,
      "Cache-Control": "no-store",
    },
  });
});
