// GET the signed-in learner's own data as a zip: account, cards, schedule, FSRS review log.
import { exportLearnerData } from "@strides/db";
import { strToU8, zipSync } from "fflate";
import { apiRoute } from "@/lib/api";
import { db } from "@/lib/db";

export const GET = apiRoute(async (ctx) => {
  const now = new Date();
  const { files } = await exportLearnerData({ db, userId: ctx.userId, now });
  const zip = zipSync(
    Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])),
  );
  return new Response(new Uint8Array(zip), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="strides-my-data-${now.toISOString().slice(0, 10)}.zip"`,
      "Cache-Control": "no-store",
    },
  });
});
