/** Typed access to the committed PyTorch golden fixtures (see scripts/torch/gen_fixtures.py). */
import edgeJson from "./fixtures/edge-cases.json" with { type: "json" };
import emptyJson from "./fixtures/empty-inputs.json" with { type: "json" };
import layersJson from "./fixtures/layers.json" with { type: "json" };
import moreJson from "./fixtures/layers-more.json" with { type: "json" };
import modelsJson from "./fixtures/models.json" with { type: "json" };

export interface LayerFixture {
  note?: string;
  layer: Record<string, unknown>;
  input: number[];
  output?: number[];
  params?: number;
  macs?: number;
  error?: string;
}

export interface ModelFixture {
  name: string;
  input: number[];
  output?: number[];
  params?: number;
  macs?: number;
  /** [name, type, output, params, macs] per module call, in execution order. */
  layers?: [string, string, number[], number, number][];
  error?: string;
  error_layer?: string | null;
}

export const LAYER_FIXTURES = layersJson.cases as LayerFixture[];
export const EDGE_FIXTURES = edgeJson.cases as LayerFixture[];
/** Random cases of the later layers and arguments (scripts/torch/more_layers.py). */
export const MORE_LAYER_FIXTURES = moreJson.cases as LayerFixture[];
export const MORE_EDGE_FIXTURES = moreJson.edge as LayerFixture[];
export const MODEL_FIXTURES = modelsJson.models as unknown as ModelFixture[];
/** Inputs with an empty dimension, found by scripts/cnn-diff.ts (scripts/torch/empty_inputs.py). */
export const EMPTY_INPUT_FIXTURES = emptyJson.cases as LayerFixture[];
