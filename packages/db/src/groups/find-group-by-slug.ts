// A group's id and name from its slug (the dashboard's URL). Says nothing of access: the dashboard
// functions the caller goes on to call ask `can()` with the group's id.
import { AppError } from "@strides/content";
import type { Db } from "../client.ts";

/** NOT_FOUND when no group has `slug`. */
export async function findGroupBySlug(o: {
  db: Db;
  slug: string;
}): Promise<{ id: string; name: string }> {
  const group = await o.db.group.findUnique({
    where: { slug: o.slug },
    select: { id: true, name: true },
  });
  if (!group) throw new AppError("NOT_FOUND", "group not found");
  return group;
}
