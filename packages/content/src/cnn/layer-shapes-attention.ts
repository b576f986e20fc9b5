/**
 * Self-attention layers on a [L, E] sequence (PyTorch puts the batch where batch_first says; the
 * per-sample shape is the same). MACs follow the weight-product convention of layer-shapes.ts:
 * the Q/K/V and output projections (and the feed-forward linears) per token; the attention
 * products QKᵀ and weights × V (2·L²·E, no weights involved) are not counted.
 */
import type { LayerResult, Shape } from "./layer.ts";
import type { MultiheadAttentionLayer, TransformerEncoderLayerLayer } from "./layer-more.ts";
import { bad, expectRank, fmt } from "./shape-util.ts";

function checkSequence(type: string, input: Shape, e: number, field: string): number {
  expectRank(type, input, 2);
  if (input[1] !== e) {
    throw bad(
      `${type}: ${field} is ${e} but the input ${fmt(input)} has ${input[1]} features`,
      field,
    );
  }
  return input[0]!;
}

function checkHeads(type: string, e: number, heads: number, field: string): void {
  if (e % heads !== 0) {
    throw bad(`${type}: embed_dim (${e}) must be divisible by ${field} (${heads})`, field);
  }
}

export function applyAttentionLayer(
  l: MultiheadAttentionLayer | TransformerEncoderLayerLayer,
  input: Shape,
): LayerResult {
  if (l.type === "transformerencoderlayer") {
    const e = l.dModel;
    const f = l.dimFeedforward;
    checkHeads(l.type, e, l.nhead, "nhead");
    const len = checkSequence(l.type, input, e, "d_model");
    // attention (4E² + 4E) + linear1 (EF + F) + linear2 (FE + E) + two layer norms (4E)
    const params = 4 * e * e + 4 * e + 2 * e * f + f + e + 4 * e;
    return { output: [len, e], params, macs: len * (4 * e * e + 2 * e * f) };
  }
  const e = l.embedDim;
  checkHeads(l.type, e, l.numHeads, "num_heads");
  for (const [field, d] of [
    ["kdim", l.kdim],
    ["vdim", l.vdim],
  ] as const) {
    if (d !== e) {
      throw bad(
        `${l.type}: ${field} (${d}) differs from embed_dim (${e}), but self-attention feeds the input as keys and values`,
        field,
      );
    }
  }
  const len = checkSequence(l.type, input, e, "embed_dim");
  const weights = 4 * e * e;
  const params = weights + (l.bias ? 4 * e : 0) + (l.addBiasKv ? 2 * e : 0);
  return { output: [len, e], params, macs: len * weights };
}
