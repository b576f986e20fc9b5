import { describe, expect, it } from "vitest";
import { slugFromName } from "./slug-from-name.ts";

const RULE = /^[a-z0-9][a-z0-9-]{1,59}$/;

describe("a deck address from its name", () => {
  it("lowercases and joins words with dashes", () => {
    expect(slugFromName("Deep Learning: CNNs (2026)")).toBe("deep-learning-cnns-2026");
    expect(slugFromName("Réseaux  Convolutifs")).toBe("reseaux-convolutifs");
  });
  it("always satisfies the address rule, also for Korean names and long names", () => {
    for (const name of ["합성곱 신경망", "x", "a".repeat(100), "  -- ResNet --  ", "CNN 합성곱"]) {
      expect(slugFromName(name, "k7")).toMatch(RULE);
    }
    expect(slugFromName("CNN 합성곱")).toBe("cnn");
  });
});
