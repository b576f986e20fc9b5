/**
 * Analysis of a model: output shape of every layer application, trainable parameters and MACs.
 */
import { AppError, isAppError } from "../errors.ts";
import type { LayerResult, LayerType, Shape } from "./layer.ts";
import { applyLayer } from "./layer-shapes.ts";
import type { ModelNode } from "./model.ts";

export interface LayerRow {
  name: string;
  type: LayerType;
  output: number[];
  params: number;
  macs: number;
  /** Present (true) when PyTorch applies it functionally rather than through a module. */
  functional?: boolean;
}

export interface ModelAnalysis {
  name: string;
  input: number[];
  output: number[];
  params: number;
  macs: number;
  layers: LayerRow[];
}

function shapeError(node: ModelNode, message: string): AppError {
  return new AppError("BAD_INPUT", `${node.kind} ${node.name}: ${message}`, { field: node.name });
}

function concatChannels(node: ModelNode, outputs: Shape[]): number[] {
  const first = outputs[0]!;
  let channels = 0;
  for (const o of outputs) {
    if (o.length !== 3 || o[1] !== first[1] || o[2] !== first[2]) {
      throw shapeError(
        node,
        `cannot concatenate on channels: shapes ${outputs.map((s) => `[${s.join(", ")}]`).join(" and ")} differ in height or width`,
      );
    }
    channels += o[0]!;
  }
  return [channels, first[1]!, first[2]!];
}

function walk(node: ModelNode, input: Shape, rows: LayerRow[]): Shape {
  switch (node.kind) {
    case "layer": {
      let r: LayerResult;
      try {
        r = applyLayer(node.layer, input);
      } catch (e) {
        const message = isAppError(e) ? e.message : String(e);
        throw new AppError("BAD_INPUT", `layer ${node.name}: ${message}`, {
          field: node.name,
          cause: e,
        });
      }
      const row: LayerRow = {
        name: node.name,
        type: node.layer.type,
        output: r.output,
        params: r.params,
        macs: r.macs,
      };
      if (node.functional) row.functional = true;
      rows.push(row);
      return r.output;
    }
    case "sequential": {
      let x = input;
      for (const child of node.children) x = walk(child, x, rows);
      return x;
    }
    case "concat":
      return concatChannels(
        node,
        node.branches.map((b) => walk(b, input, rows)),
      );
    case "residual": {
      const a = walk(node.body, input, rows);
      const b = node.shortcut ? walk(node.shortcut, input, rows) : input;
      if (a.length !== b.length || a.some((d, i) => d !== b[i])) {
        throw shapeError(
          node,
          `cannot add the residual: body gives [${a.join(", ")}] but the shortcut gives [${b.join(", ")}]`,
        );
      }
      return a;
    }
    case "dense": {
      const outputs: Shape[] = [input];
      let x: Shape = input;
      for (const l of node.layers) {
        outputs.push(walk(l, x, rows));
        x = concatChannels(node, outputs);
      }
      return x;
    }
  }
}

export function analyzeModel(root: ModelNode, input: Shape, name = root.name): ModelAnalysis {
  const layers: LayerRow[] = [];
  const output = walk(root, input, layers);
  let params = 0;
  let macs = 0;
  for (const r of layers) {
    params += r.params;
    macs += r.macs;
  }
  return { name, input: input.slice(), output: output.slice(), params, macs, layers };
}
