import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb, testDbKind } from "../testing/test-db.ts";
import {
  authenticateApiToken,
  createApiToken,
  listApiTokens,
  revokeApiToken,
} from "./api-tokens.ts";

describe(`API tokens on ${testDbKind()}`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await t.db.user.create({ data: { id: "u1", name: "U", email: "u@example.com" } });
  });
  afterAll(async () => t?.destroy());

  it("stores only a hash, authenticates, records use and stops at revocation", async () => {
    const now = new Date("2026-01-01T00:00:00Z");
    const { id, token } = await createApiToken({ db: t.db, userId: "u1", name: "cli", now });
    const row = await t.db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).not.toContain(token);
    expect(await authenticateApiToken({ db: t.db, token, now })).toEqual({
      userId: "u1",
      tokenId: id,
    });
    expect((await listApiTokens({ db: t.db, userId: "u1" }))[0]?.lastUsedAt?.getTime()).toBe(
      now.getTime(),
    );
    expect(await authenticateApiToken({ db: t.db, token: `${token}x`, now })).toBeNull();
    expect(await revokeApiToken({ db: t.db, userId: "u1", tokenId: id, now })).toBe(true);
    expect(await authenticateApiToken({ db: t.db, token, now })).toBeNull();
  });
});
