/**
 * Proposes computed exercise cards from a note's own text: every section (heading, or list-item
 * and bold pseudo-heading) that states a computation an exercise generator drills gets an
 * exercise card for that generator, with parameter ranges drawn from the section's numbers.
 * A note in which the author wrote fenced `exercise` blocks has chosen its exercises: nothing is
 * proposed there. Pure and linear in the size of the note.
 */
import type { Root } from "mdast";
import type { CardDraft } from "../card-draft.ts";
import { noteSections } from "./note-sections.ts";
import { exercisePrompt, noteLanguage } from "./proposal-language.ts";
import { ARCHITECTURE_RECOGNISERS } from "./recognise-architectures.ts";
import { CONVOLUTION_RECOGNISERS } from "./recognise-convolution.ts";
import { DETECTION_RECOGNISERS } from "./recognise-detection.ts";
import { LAYER_RECOGNISERS } from "./recognise-layers.ts";
import { METRIC_RECOGNISERS } from "./recognise-metrics.ts";
import { OPTIMIZER_RECOGNISERS } from "./recognise-optimizer.ts";
import { SEQUENCE_RECOGNISERS } from "./recognise-sequence.ts";
import type { ExerciseRecogniser } from "./recogniser.ts";
import { sectionFacts } from "./section-facts.ts";

export const EXERCISE_RECOGNISERS: readonly ExerciseRecogniser[] = [
  ...CONVOLUTION_RECOGNISERS,
  ...LAYER_RECOGNISERS,
  ...ARCHITECTURE_RECOGNISERS,
  ...DETECTION_RECOGNISERS,
  ...SEQUENCE_RECOGNISERS,
  ...OPTIMIZER_RECOGNISERS,
  ...METRIC_RECOGNISERS,
];

export interface ProposeExercisesOptions {
  /** The note's title (front matter): a heading equal to it is not part of the context. */
  title?: string;
  /** The text the tree was parsed from (see NoteSectionsOptions.source). */
  source?: string;
  /** Added to the tree's line numbers. */
  lineOffset?: number;
}

export function proposeExercises(tree: Root, options: ProposeExercisesOptions = {}): CardDraft[] {
  const { sections, explicitGenerators } = noteSections(tree, options);
  if (explicitGenerators.length > 0) return [];
  const lang = noteLanguage(sections.map((s) => s.text));
  const offset = options.lineOffset ?? 0;
  const drafts: CardDraft[] = [];
  /** Context + generator of each proposal, and parent context + generator + ranges. */
  const taken = new Set<string>();
  /** Where each proposal is in `drafts`, by its section's context and generator. */
  const placed = new Map<string, number>();
  for (const section of sections) {
    const facts = sectionFacts(section);
    const where = section.context.join("\u0000");
    const parent = section.context.slice(0, -1).join("\u0000");
    for (const recogniser of EXERCISE_RECOGNISERS) {
      const params = recogniser.propose(facts);
      if (params === undefined) continue;
      const here = `${where}\u0001${recogniser.generator}`;
      // Sibling sections proposing the same exercise with the same numbers make one card.
      const alike = `${parent}\u0001${recogniser.generator}\u0001${JSON.stringify(params)}`;
      if (taken.has(here) || taken.has(alike)) continue;
      taken.add(here);
      taken.add(alike);
      // A section inside one that proposed the same exercise (its text is part of the parent's)
      // takes the proposal over: one card, under the most specific heading.
      const ancestorKey = section.context
        .map((_, k) => `${section.context.slice(0, k).join("\u0000")}\u0001${recogniser.generator}`)
        .find((key) => placed.has(key));
      const ancestor = ancestorKey === undefined ? undefined : placed.get(ancestorKey);
      const draft: CardDraft = {
        kind: "exercise",
        generator: recogniser.generator,
        params,
        prompt: exercisePrompt(recogniser.generator, lang),
        // The id comes from the heading path and the generator, so it survives re-imports.
        idFront: `exercise: ${recogniser.generator}`,
        lineStart: section.lineStart + offset,
        lineEnd: section.lineEnd + offset,
        context: section.context,
        siblingKey: `proposed-exercise:${where}`,
        origin: "extracted",
      };
      if (ancestorKey !== undefined && ancestor !== undefined) {
        drafts[ancestor] = draft;
        placed.delete(ancestorKey);
        placed.set(here, ancestor);
      } else placed.set(here, drafts.push(draft) - 1);
    }
  }
  return drafts;
}
