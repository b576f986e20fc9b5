import type { TParamRanges } from "../../exercises/contract.ts";
import type { SectionFacts } from "./section-facts.ts";

/**
 * Recognises, in one note section, a computation that an exercise generator drills. `propose`
 * returns the parameter ranges drawn from the section's own numbers, or undefined when the section
 * does not state such a computation (naming the topic is not enough).
 */
export interface ExerciseRecogniser {
  generator: string;
  propose(facts: SectionFacts): TParamRanges | undefined;
}
