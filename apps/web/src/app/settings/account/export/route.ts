// GET the signed-in learner's own data as a zip: account, cards, schedule, FSRS review log.
// Streamed: the zip is written as the pages of the learner's data are read.
import { streamLearnerData } from "@strides/db";
import { apiRoute } from "@/lib/api";
import { db } from "@/lib/db";
import { streamFromIterator, zipStream } from "@/lib/stream-response";

export const GET = apiRoute(async (ctx) => {
  const now = new Date();
  const files = streamLearnerData({ db, userId: ctx.userId, now });
  return new Response(streamFromIterator(zipStream(files)), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="strides-my-data-${now.toISOString().slice(0, 10)}.zip"`,
      "Cache-Control": "no-store",
    },
  });
});
