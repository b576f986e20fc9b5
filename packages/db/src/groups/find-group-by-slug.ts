// A group's id and name from its slug (the dashboard's URL). Says nothing of access: the dashboard
// functions the caller goes on to call ask `can()` with the group's id.
import { AppError } from "@strides/content";
import type { Db } from "../client.ts";
import { sql } from "../review/sql-values.ts";
import { sqlRunnerOf } from "../sql-runner.ts";

/** NOT_FOUND when no group has `slug`. */
export async function findGroupBySlug(o: {
  db: Db;
  slug: string;
}): Promise<{ id: string; name: string }> {
  // By the driver: the dashboard and its CSVs look the group up on every request.
  const [group] = await sqlRunnerOf(o.db).query(
    sql`SELECT id, name FROM "Group" WHERE slug = ${o.slug}`,
  );
  if (!group) throw new AppError("NOT_FOUND", "group not found");
  return { id: String(group.id), name: String(group.name) };
}
