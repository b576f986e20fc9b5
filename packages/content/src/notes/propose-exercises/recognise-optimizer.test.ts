/** Adam's bias correction proposed from a note, with the note's β1 and step as one variant. */
import { describe, expect, it } from "vitest";
import { generateExercise } from "../../exercises/index.ts";
import { parseMarkdown } from "../markdown-parser.ts";
import { proposeExercises } from "./propose-exercises.ts";

function proposal(markdown: string) {
  const draft = proposeExercises(parseMarkdown(markdown), { source: markdown }).find(
    (d) => d.kind === "exercise" && d.generator === "adam-bias-correction",
  );
  return draft?.kind === "exercise" ? draft.params : undefined;
}

describe("adam-bias-correction from a note", () => {
  it.each([
    [
      "symbols and values",
      "## Adam\n\n$\\hat{m}_t = \\frac{m_t}{1 - \\beta_1^t}$, β1 = 0.8, t = 4.",
      "0.8",
      4,
    ],
    [
      "a number raised to the step",
      "## Adam 편향 보정\n\n보정된 모멘트: m_2 / (1 − 0.5^2), t = 2",
      "0.5",
      2,
    ],
    [
      "Unicode sub- and superscripts",
      "## Adam\n\nm̂ₜ = mₜ / (1 − β₁ᵗ) with β₁ = 0.95 at step 5",
      "0.95",
      5,
    ],
  ])("%s: the note's β1 and step are one variant", (_name, markdown, beta1, step) => {
    const ranges = proposal(markdown);
    expect(ranges).toBeDefined();
    const drawn = Array.from({ length: 200 }, (_, seed) =>
      generateExercise("adam-bias-correction", { seed, lang: "en", ranges: ranges! }),
    );
    expect(drawn.some((v) => v.params?.beta1 === beta1 && v.params?.step === step)).toBe(true);
  });

  it.each([
    ["another optimizer", "## RMSProp\n\n$\\hat v_t = v_t / (1 - \\beta_2^t)$ 는 쓰지 않는다."],
    [
      "β2 only",
      "## Adam\n\nAdam divides by $\\sqrt{\\hat v_t}$ where $\\hat v_t = v_t / (1 - \\beta_2^t)$.",
    ],
  ])("%s: nothing proposed", (_name, markdown) => {
    expect(proposal(markdown)).toBeUndefined();
  });
});
