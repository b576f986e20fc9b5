// The audit of password resets for the admin page: who created a link (or the command line, or a
// mail), for whom, when, and whether and when it was used.
import type { Db } from "../client.ts";
import { requireAdmin } from "../groups/instance-admin.ts";
import type { Actor } from "../groups/permissions.ts";

export interface PasswordResetAuditRow {
  id: string;
  via: "staff" | "cli" | "email";
  createdBy: { name: string; email: string } | null;
  user: { name: string; email: string };
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
}

export async function listPasswordResets(options: {
  db: Db;
  actor: Actor;
  take?: number;
}): Promise<PasswordResetAuditRow[]> {
  requireAdmin(options.actor);
  const rows = await options.db.passwordReset.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(options.take ?? 100, 500),
    select: {
      id: true,
      via: true,
      createdAt: true,
      expiresAt: true,
      usedAt: true,
      createdBy: { select: { name: true, email: true } },
      user: { select: { name: true, email: true } },
    },
  });
  return rows.map((r) => ({
    ...r,
    via: r.via === "cli" || r.via === "email" ? r.via : "staff",
  }));
}
