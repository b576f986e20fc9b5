import { describe, expect, it } from "vitest";
import { ZCreateDeck } from "../authoring/create-deck.ts";
import { ZCreateGroup } from "./schema.ts";

describe("names others read", () => {
  it("refuse hidden characters in group and deck names, and keep visible ones", () => {
    expect(ZCreateGroup.safeParse({ name: "\u202enimda", slug: "admins" }).success).toBe(false);
    expect(ZCreateDeck.safeParse({ name: "CNN\u200b", slug: "cnn" }).success).toBe(false);
    expect(ZCreateGroup.parse({ name: " 딥러닝 스터디 ", slug: "dl" }).name).toBe("딥러닝 스터디");
    expect(ZCreateDeck.parse({ name: "CNN 기초", slug: "cnn" }).name).toBe("CNN 기초");
  });
});
