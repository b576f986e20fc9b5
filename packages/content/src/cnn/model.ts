/**
 * Composition of layers into models: sequences, branches concatenated on channels (Inception),
 * residual additions (ResNet, FCN skips) and dense blocks (DenseNet).
 */
import type { Layer } from "./layer.ts";

export type ModelNode =
  | {
      kind: "layer";
      name: string;
      layer: Layer;
      /** Applied by a torch.nn.functional call in PyTorch, not by a module (e.g. DenseNet's last ReLU). */
      functional?: boolean;
    }
  | { kind: "sequential"; name: string; children: ModelNode[] }
  /** Every branch sees the same input; outputs are concatenated on channels. */
  | { kind: "concat"; name: string; branches: ModelNode[] }
  /** body(x) + shortcut(x); identity shortcut when absent. Body runs first, as in torchvision. */
  | { kind: "residual"; name: string; body: ModelNode; shortcut?: ModelNode }
  /** Layer i sees the concatenation of the input and all earlier outputs; the block outputs all of them. */
  | { kind: "dense"; name: string; layers: ModelNode[] };

export function layerNode(name: string, layer: Layer, functional = false): ModelNode {
  return functional ? { kind: "layer", name, layer, functional } : { kind: "layer", name, layer };
}

export function sequential(name: string, children: ModelNode[]): ModelNode {
  return { kind: "sequential", name, children };
}

export function concatBranches(name: string, branches: ModelNode[]): ModelNode {
  return { kind: "concat", name, branches };
}

export function residual(name: string, body: ModelNode, shortcut?: ModelNode): ModelNode {
  return shortcut ? { kind: "residual", name, body, shortcut } : { kind: "residual", name, body };
}

export function denseBlock(name: string, layers: ModelNode[]): ModelNode {
  return { kind: "dense", name, layers };
}
