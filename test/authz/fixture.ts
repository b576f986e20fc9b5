// The authorization matrix's world: two groups, their decks, and one account per role.
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  createApiToken,
  type Db,
  type DbHandle,
  hashInviteToken,
  hashResetToken,
  openDb,
} from "@strides/db";
import { hashPassword } from "better-auth/crypto";
import { createTestDb } from "../../packages/db/src/testing/test-db.ts";

export const ROLES = ["anonymous", "outsider", "member", "instructor", "owner", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const PASSWORD = "matrix-password-1";
export const NOW = new Date("2026-05-01T09:00:00Z");

/** Ids and secrets the entries refer to. */
export interface Fixture {
  groupA: string;
  groupB: string;
  deckA: string;
  deckB: string;
  cardA: string;
  inviteId: string;
  inviteToken: string;
  memberTokenId: string;
  /** A password-reset link for the member (created by the instructor). */
  resetToken: string;
}

export const USERS: Record<Exclude<Role, "anonymous">, { id: string; role: "admin" | "user" }> = {
  outsider: { id: "u-outsider", role: "user" },
  member: { id: "u-member", role: "user" },
  instructor: { id: "u-instructor", role: "user" },
  owner: { id: "u-owner", role: "user" },
  admin: { id: "u-admin", role: "admin" },
};

async function build(db: Db): Promise<Fixture> {
  const hash = await hashPassword(PASSWORD);
  for (const [name, u] of Object.entries(USERS)) {
    await db.user.create({
      data: {
        id: u.id,
        name,
        email: `${name}@example.com`,
        role: u.role,
        accounts: {
          create: { id: `${u.id}-a`, accountId: u.id, providerId: "credential", password: hash },
        },
      },
    });
  }
  await db.group.create({
    data: {
      id: "g-a",
      name: "Alpha",
      slug: "alpha",
      memberships: {
        create: [
          { userId: USERS.owner.id, role: "owner" },
          { userId: USERS.instructor.id, role: "instructor" },
          // Made on Alpha's invite link: an account Alpha manages (its staff may reset it).
          { userId: USERS.member.id, role: "member", managed: true },
        ],
      },
    },
  });
  await db.group.create({
    data: {
      id: "g-b",
      name: "Beta",
      slug: "beta",
      memberships: { create: [{ userId: USERS.outsider.id, role: "owner" }] },
    },
  });
  for (const [id, slug, groupId] of [
    ["d-a", "alpha-deck", "g-a"],
    ["d-b", "beta-deck", "g-b"],
  ] as const) {
    await db.deck.create({ data: { id, slug, name: slug, groups: { create: { groupId } } } });
    await db.card.create({
      data: {
        id: `c-${id}`,
        deckId: id,
        key: `k-${id}`,
        kind: "basic",
        contentHash: "h",
        content: JSON.stringify({
          id: `k-${id}`,
          kind: "basic",
          front: "What is a stride?",
          back: "The step of the kernel.",
          direction: "forward",
          deckPath: "a.md",
          file: "a.md",
          source: { file: "a.md", lineStart: 1, lineEnd: 1 },
          context: [],
          tags: [],
          lang: "en",
          siblingKey: `k-${id}`,
          contentHash: "h",
          origin: "explicit",
        }),
        siblingKey: `k-${id}`,
        searchText: "What is a stride?",
      },
    });
    await db.asset.create({
      data: {
        deckId: id,
        path: "img/a.png",
        mimeType: "image/png",
        size: 4,
        sha256: "s",
        data: new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
      },
    });
  }
  for (const u of [USERS.member, USERS.instructor, USERS.owner]) {
    await db.cardState.create({
      data: {
        userId: u.id,
        cardId: "c-d-a",
        deckId: "d-a",
        state: 2,
        due: NOW,
        stability: 3,
        difficulty: 5,
      },
    });
  }
  await db.cardState.create({
    data: {
      userId: USERS.outsider.id,
      cardId: "c-d-b",
      deckId: "d-b",
      state: 2,
      due: NOW,
      stability: 3,
      difficulty: 5,
    },
  });
  // Far in the future: the actions run with the real clock.
  const inviteToken = "matrix-invite-token";
  const invite = await db.invite.create({
    data: {
      groupId: "g-a",
      tokenHash: hashInviteToken(inviteToken),
      role: "member",
      expiresAt: new Date("2100-01-01T00:00:00Z"),
      maxUses: 100,
      createdById: USERS.owner.id,
    },
  });
  const token = await createApiToken({ db, userId: USERS.member.id, name: "cli", now: NOW });
  const resetToken = "matrix-reset-token";
  await db.passwordReset.create({
    data: {
      userId: USERS.member.id,
      createdById: USERS.instructor.id,
      tokenHash: hashResetToken(resetToken),
      expiresAt: new Date("2100-01-01T00:00:00Z"),
    },
  });
  return {
    groupA: "g-a",
    groupB: "g-b",
    deckA: "d-a",
    deckB: "d-b",
    cardA: "c-d-a",
    inviteId: invite.id,
    inviteToken,
    memberTokenId: token.id,
    resetToken,
  };
}

export interface Template {
  dir: string;
  fixture: Fixture;
  /** A fresh copy of the fixture database for one case. */
  open(): Promise<DbHandle & { dispose(): Promise<void> }>;
  destroy(): void;
}

export async function createTemplate(): Promise<Template> {
  const t = await createTestDb("sqlite");
  const fixture = await build(t.db);
  const file = t.url.slice("file:".length);
  await t.db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  await t.close();
  const dir = mkdtempSync(join(tmpdir(), "strides-authz-"));
  copyFileSync(file, join(dir, "template.db"));
  await t.destroy().catch(() => {});
  let n = 0;
  return {
    dir,
    fixture,
    async open() {
      const path = join(dir, `case-${n++}.db`);
      copyFileSync(join(dir, "template.db"), path);
      const handle = await openDb(`file:${path}`);
      return {
        ...handle,
        async dispose() {
          await handle.close();
          for (const f of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(f)) rmSync(f);
        },
      };
    },
    destroy() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
