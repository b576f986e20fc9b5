import { describe, expect, it } from "vitest";
import { listGenerators } from "../../exercises/index.ts";
import { detectLang } from "../detect-lang.ts";
import { exercisePrompt, noteLanguage } from "./proposal-language.ts";

describe("the language of proposed exercises", () => {
  it("is Korean for a Korean learner's note full of English terms, English for an English note", () => {
    expect(noteLanguage(["VGG는 3x3 convolution을 여러 번 쌓아서 parameter 수를 줄인다."])).toBe(
      "ko",
    );
    expect(noteLanguage(["VGG stacks 3x3 convolutions to save parameters.", "$3 \\times 3$"])).toBe(
      "en",
    );
    expect(noteLanguage(["Deep residual learning (ResNet) adds skip connections; 잔차"])).toBe(
      "en",
    );
  });

  it.each(listGenerators().map((g) => g.name))(
    "%s: the prompt's detected language is the card's",
    (generator) => {
      // Korean prompts keep the deck's English technical terms (convolution, receptive field…).
      expect(["ko", "mixed"]).toContain(detectLang(exercisePrompt(generator, "ko")));
      expect(detectLang(exercisePrompt(generator, "en"))).toBe("en");
    },
  );
});
