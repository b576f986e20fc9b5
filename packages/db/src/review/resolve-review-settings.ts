// Preset resolution: GroupDeck.presetId → Deck.presetId → defaults; then the learner's overrides,
// only for options the preset lists in `learnerOverridable`; then the FSRS parameters (learner's
// own fit → the group's prior → FSRS defaults).
import { parseSteps } from "../scheduling/fsrs-adapter.ts";
import { type TLearnerOverrides, type TReviewSettings, ZLearnerOverrides } from "./schema.ts";

export interface PresetRow {
  id: string;
  desiredRetention: number;
  newPerDay: number;
  reviewsPerDay: number;
  learningSteps: string;
  relearningSteps: string;
  maximumInterval: number;
  enableFuzz: boolean;
  leechThreshold: number;
  leechAction: string;
  easyBelowMs: number;
  hardAfterMs: number;
  learnerOverridable: string;
}

export const DEFAULT_PRESET: Omit<PresetRow, "id"> = {
  desiredRetention: 0.9,
  newPerDay: 20,
  reviewsPerDay: 200,
  learningSteps: "1m 10m",
  relearningSteps: "10m",
  maximumInterval: 36500,
  enableFuzz: true,
  leechThreshold: 8,
  leechAction: "tag",
  easyBelowMs: 15000,
  hardAfterMs: 90000,
  learnerOverridable: "desiredRetention newPerDay reviewsPerDay",
};

export interface ResolveReviewSettingsOptions {
  groupId: string;
  groupPreset: PresetRow | null;
  deckPreset: PresetRow | null;
  /** LearnerSettings.overrides (JSON text). */
  overridesJson: string | null;
  learnerWeights: number[] | null;
  groupWeights: number[] | null;
}

export function parseOverrides(json: string | null): TLearnerOverrides {
  if (!json) return {};
  try {
    const parsed = ZLearnerOverrides.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export function resolveReviewSettings(o: ResolveReviewSettingsOptions): TReviewSettings {
  const preset = o.groupPreset ?? o.deckPreset;
  const base = { ...DEFAULT_PRESET, ...(preset ?? {}) };
  const allowed = new Set(base.learnerOverridable.split(/\s+/).filter(Boolean));
  const overrides = parseOverrides(o.overridesJson);
  const merged: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(overrides)) {
    if (allowed.has(k) && v !== undefined) merged[k] = v;
  }
  const m = merged as typeof base;
  return {
    presetId: preset?.id ?? null,
    desiredRetention: m.desiredRetention,
    newPerDay: m.newPerDay,
    reviewsPerDay: m.reviewsPerDay,
    learningSteps: parseSteps(m.learningSteps, "learningSteps"),
    relearningSteps: parseSteps(m.relearningSteps, "relearningSteps"),
    maximumInterval: m.maximumInterval,
    enableFuzz: m.enableFuzz,
    leechThreshold: m.leechThreshold,
    leechAction: m.leechAction === "suspend" ? "suspend" : "tag",
    easyBelowMs: m.easyBelowMs,
    hardAfterMs: m.hardAfterMs,
    weights: o.learnerWeights ?? o.groupWeights ?? null,
    weightsSource: o.learnerWeights ? "learner" : o.groupWeights ? "group" : "default",
    groupId: o.groupId,
  };
}
