import { describe, expect, it } from "vitest";
import { classifyDatabaseError } from "./database-errors.ts";

describe("classifyDatabaseError", () => {
  it("names a full disk, a read-only file and an unreachable server", () => {
    const full = Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" });
    expect(classifyDatabaseError(new Error("wrapped", { cause: full }))?.message).toMatch(
      /disk is full/,
    );
    const ro = Object.assign(new Error("attempt to write a readonly database"), {
      code: "SQLITE_READONLY",
    });
    expect(classifyDatabaseError(ro)?.message).toMatch(/read-only/);
    expect(classifyDatabaseError(new Error("connect ECONNREFUSED 127.0.0.1:5432"))?.code).toBe(
      "UNAVAILABLE",
    );
  });
  it("leaves other errors alone", () => {
    expect(classifyDatabaseError(new Error("Unique constraint failed"))).toBeNull();
    expect(classifyDatabaseError(undefined)).toBeNull();
  });
});
