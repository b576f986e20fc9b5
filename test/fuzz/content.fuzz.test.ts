// Fuzzing the content package's untrusted-input entry points with fast-check: arbitrary input never
// throws anything but an AppError, and every rejection names its field (or file and line).
import {
  type AppError,
  checkExerciseAnswer,
  generateExercise,
  isAppError,
  listGenerators,
  parseLayerSpec,
  parseNote,
  parseShape,
} from "@strides/content";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const RUNS = Number(process.env.STRIDES_FUZZ_RUNS ?? 300);

/** Markdown-ish text: the note syntax's own tokens mixed with arbitrary Unicode. */
const noteText = fc
  .array(
    fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 40 }),
      fc.constantFrom(
        "::",
        ":::",
        "\n?\n",
        "\n??\n",
        "==",
        "{{c1::",
        "}}",
        "::hint}}",
        "$",
        "$$",
        "\\frac{",
        "^id",
        "#",
        "## ",
        "\n",
        "\n\n",
        "---\n",
        "tags: [",
        "```exercise\n",
        "```\n",
        "* ",
        "1. ",
        "![](",
        "<div>",
        "한글",
      ),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(""));

function expectNamedRejection(e: unknown) {
  expect(isAppError(e), String((e as Error)?.stack ?? e)).toBe(true);
  const err = e as AppError;
  expect(err.code).not.toBe("INTERNAL");
  expect(err.message.length).toBeGreaterThan(0);
}

describe("fuzz: parseNote", () => {
  it("returns cards or errors with a line number for arbitrary notes, and never throws", () => {
    fc.assert(
      fc.property(noteText, fc.boolean(), (text, partial) => {
        const r = parseNote({ text, file: "fuzz.md", partial });
        for (const e of r.errors) {
          expect(typeof e.message).toBe("string");
          expect(e.message.length).toBeGreaterThan(0);
        }
        if (r.errors.length > 0 && !partial) expect(r.cards).toHaveLength(0);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("fuzz: answer checking", () => {
  const generators = listGenerators().map((g) => g.name);
  it("checks arbitrary answers to every generator's variants without throwing", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...generators),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.constantFrom("en" as const, "ko" as const),
        fc.oneof(
          fc.string({ unit: "grapheme", maxLength: 60 }),
          fc.stringMatching(/^[-+]?[0-9,._ eE×x()[\]]{0,30}$/),
          fc.double().map(String),
          fc.bigInt().map(String),
        ),
        (name, seed, lang, answer) => {
          const variant = generateExercise(name, { seed, lang });
          const check = checkExerciseAnswer(variant, answer);
          expect(typeof check.correct).toBe("boolean");
          if (check.mistake) expect(check.mistake.message.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: RUNS },
    );
  });
  it("accepts the canonical answer of every variant", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...generators),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.constantFrom("en" as const, "ko" as const),
        (name, seed, lang) => {
          const variant = generateExercise(name, { seed, lang });
          expect(checkExerciseAnswer(variant, variant.answer).correct, variant.answer).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe("fuzz: layer specs", () => {
  const layerLike = fc.oneof(
    fc.anything(),
    fc.record(
      {
        type: fc.oneof(
          fc.constantFrom(
            "conv2d",
            "convTranspose2d",
            "maxPool2d",
            "avgPool2d",
            "adaptiveAvgPool2d",
            "linear",
            "batchNorm2d",
            "localResponseNorm",
            "relu",
            "dropout",
            "flatten",
          ),
          fc.string(),
        ),
        inChannels: fc.anything(),
        outChannels: fc.oneof(fc.integer(), fc.anything()),
        kernelSize: fc.oneof(
          fc.integer({ min: -3, max: 20 }),
          fc.array(fc.integer(), { maxLength: 3 }),
        ),
        stride: fc.oneof(fc.integer({ min: -3, max: 20 }), fc.double()),
        padding: fc.oneof(fc.integer({ min: -3, max: 20 }), fc.constantFrom("same", "valid", "x")),
        dilation: fc.integer({ min: -3, max: 20 }),
        inFeatures: fc.integer(),
        outFeatures: fc.integer(),
        bias: fc.anything(),
      },
      { requiredKeys: ["type"] },
    ),
  );
  it("parses or rejects arbitrary layer specs with a message naming the field", () => {
    fc.assert(
      fc.property(layerLike, (value) => {
        try {
          parseLayerSpec(value);
        } catch (e) {
          expectNamedRejection(e);
          expect((e as AppError).field, (e as AppError).message).toBeTruthy();
          expect((e as AppError).message).toContain(
            (e as AppError).field === "layer" ? "layer" : (e as AppError).field!,
          );
        }
      }),
      { numRuns: RUNS * 3 },
    );
  });
  it("parses or rejects arbitrary input shapes", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.anything()), (value) => {
        try {
          parseShape(value);
        } catch (e) {
          expectNamedRejection(e);
          expect((e as AppError).field).toBe("input");
        }
      }),
      { numRuns: RUNS },
    );
  });
});
