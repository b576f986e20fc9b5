import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  EDGE_FIXTURES,
  LAYER_FIXTURES,
  MODEL_FIXTURES,
  MORE_EDGE_FIXTURES,
} from "../cnn/fixtures.ts";
import { LAYER_TYPES } from "../cnn/layer.ts";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const CLI = fileURLToPath(new URL("./cnn.ts", import.meta.url));

function cnn(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ["--import", "tsx", CLI, ...args], {
    cwd: ROOT,
    input,
    encoding: "utf8",
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("cnn CLI (spawned)", () => {
  it("computes one layer as PyTorch does", () => {
    const c = EDGE_FIXTURES.find((e) => e.note === "conv groups 2 (AlexNet split)")!;
    const r = cnn(["layer", JSON.stringify(c.layer), "--input", c.input.join(","), "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ output: c.output, params: c.params, macs: c.macs });
  });

  it("computes the later layers (LSTM, 3-D convolution) as PyTorch does", () => {
    for (const note of ["lstm 2 layers bidirectional", "conv3d C3D first layer"]) {
      const c = MORE_EDGE_FIXTURES.find((e) => e.note === note)!;
      const r = cnn(["layer", JSON.stringify(c.layer), "--input", c.input.join(","), "--json"]);
      expect(r.code, note).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual({ output: c.output, params: c.params, macs: c.macs });
    }
  });

  it("lists every accepted layer type in its help", () => {
    const r = cnn(["help"]);
    expect(r.code).toBe(0);
    for (const t of LAYER_TYPES) expect(r.stdout).toContain(t);
  });

  it("analyzes a built-in model as PyTorch does", () => {
    const fx = MODEL_FIXTURES.find((m) => m.name === "resnet50" && m.input[1] === 224)!;
    const r = cnn(["arch", "resnet50", "--json"]);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout);
    expect([a.name, a.input, a.output, a.params, a.macs]).toEqual([
      fx.name,
      fx.input,
      fx.output,
      fx.params,
      fx.macs,
    ]);
    expect(Object.keys(a.layers[0])).toEqual(["name", "type", "output", "params", "macs"]);
  });

  it("rejects bad input with one line and exit code 2", () => {
    for (const args of [
      [
        "layer",
        '{"type":"conv2d","in_channels":3,"out_channels":8,"kernel_size":3,"strid":2}',
        "--input",
        "3,8,8",
      ],
      [
        "layer",
        '{"type":"conv2d","in_channels":6,"out_channels":8,"kernel_size":3,"groups":4}',
        "--input",
        "6,8,8",
      ],
      [
        "layer",
        '{"type":"conv2d","in_channels":3,"out_channels":8,"kernel_size":5}',
        "--input",
        "3,3,3",
      ],
      ["arch", "alexnet", "--input", "3,32,32"],
      ["arch", "nonet"],
      ["exercise", "conv-params", "--seed", "x"],
    ]) {
      const r = cnn(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/^error: [^\n]+\n$/);
    }
    expect(cnn(["arch", "alexnet", "--input", "3,32,32"]).stderr).toContain("features.12");
    expect(
      cnn([
        "layer",
        '{"type":"conv2d","in_channels":6,"out_channels":8,"kernel_size":3,"groups":4}',
        "--input",
        "6,8,8",
      ]).stderr,
    ).toContain("in_channels");
  });

  it("checks a batch of layers line by line, errors in place", () => {
    const cases = LAYER_FIXTURES.slice(0, 50);
    const lines = cases.map((c) => JSON.stringify({ layer: c.layer, input: c.input }));
    lines.splice(10, 0, "{not json");
    const r = cnn(["layer", "--batch"], `${lines.join("\n")}\n`);
    expect(r.code).toBe(0);
    const out = r.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(51);
    expect(out[10]).toHaveProperty("error");
    const rest = [...out.slice(0, 10), ...out.slice(11)];
    rest.forEach((o, i) => {
      const c = cases[i]!;
      if (c.error !== undefined) expect(o).toHaveProperty("error");
      else expect(o).toEqual({ output: c.output, params: c.params, macs: c.macs });
    });
  });

  it("prints an exercise variant with its answer and solution", () => {
    const r = cnn(["exercise", "conv-output-shape", "--seed", "7", "--lang", "ko"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("## 정답");
    expect(r.stdout).toContain("$$");
    const j = JSON.parse(cnn(["exercise", "iou", "--seed", "7", "--json"]).stdout);
    expect(j.generator).toBe("iou");
    expect(cnn(["arch", "--list"]).stdout).toContain("densenet201");
  });
});
