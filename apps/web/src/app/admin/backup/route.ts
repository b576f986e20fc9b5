// GET the whole instance as gzip-compressed JSON (administrators only), streamed: read in pages
// by keyset from one consistent snapshot that blocks no writer (streamInstanceBackup) and
// compressed as it is written.
import { AppError } from "@strides/content";
import { can, loadActor, streamInstanceBackup } from "@strides/db";
import { apiRoute } from "@/lib/api";
import { db } from "@/lib/db";
import { gzipStream } from "@/lib/stream-response";

export const GET = apiRoute(async (ctx) => {
  const actor = await loadActor({ db, userId: ctx.userId });
  if (!actor || !can({ actor, action: "instance.backup" })) {
    throw new AppError("FORBIDDEN", "administrators only");
  }
  const now = new Date();
  const stamp = now.toISOString().slice(0, 19).replace(/[:T]/g, "-");
  return new Response(gzipStream(streamInstanceBackup({ db, now })), {
    headers: {
      "Content-Type": "application/gzip",
      "Content-Disposition": `attachment; filename="strides-backup-${stamp}.json.gz"`,
      "Cache-Control": "no-store",
    },
  });
});
