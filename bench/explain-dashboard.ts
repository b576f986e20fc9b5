// Prints the query plan of every statement the group dashboard runs (EXPLAIN QUERY PLAN on
// SQLite, EXPLAIN ANALYZE on Postgres), on a database holding the school fixture:
//   node --import tsx bench/explain-dashboard.ts DATABASE_URL [group-slug]
import { getGroupDashboard, openDb } from "@strides/db";
import { Prisma, registerSqlReadRunner, sqlRunnerOf } from "@strides/db/bench";

const url = process.argv[2];
if (!url) throw new Error("usage: explain-dashboard.ts DATABASE_URL [slug]");
const handle = await openDb(url);
const runner = sqlRunnerOf(handle.db);
const plans: string[] = [];
registerSqlReadRunner(handle.db, {
  provider: runner.provider,
  async query(q) {
    const prefix = runner.provider === "sqlite" ? "EXPLAIN QUERY PLAN " : "EXPLAIN ANALYZE ";
    const explained = Prisma.sql([prefix + q.strings[0], ...q.strings.slice(1)], ...q.values);
    const rows = await runner.query(explained);
    const text = rows
      .map((r) => String(r.detail ?? r["QUERY PLAN"] ?? JSON.stringify(r)))
      .join("\n  ");
    plans.push(`${q.sql.replace(/\s+/g, " ").slice(0, 160)} …\n  ${text}`);
    return runner.query(q);
  },
});
const group = await handle.db.group.findUniqueOrThrow({
  where: { slug: process.argv[3] ?? "school" },
});
const owner = await handle.db.membership.findFirstOrThrow({
  where: { groupId: group.id, role: "owner" },
});
await getGroupDashboard({
  db: handle.db,
  actor: { userId: owner.userId, instanceRole: "user" },
  groupId: group.id,
  now: new Date(),
});
console.log(plans.join("\n\n"));
await handle.close();
