/**
 * `npm run -s cnn -- …`: the CNN calculator and the computed exercises from the command line.
 * Bad input prints one line `error: …` and exits with 2; never a stack trace.
 */
import { fileURLToPath } from "node:url";
import { LAYER_TYPES } from "../cnn/layer.ts";
import { applyLayer } from "../cnn/layer-shapes.ts";
import { parseLayerSpec, parseShape } from "../cnn/layer-spec.ts";
import { analyzeBuiltinModel, listModels } from "../cnn/models/index.ts";
import { AppError, isAppError } from "../errors.ts";
import { ZLang } from "../exercises/contract.ts";
import { generateExercise, listGenerators } from "../exercises/registry.ts";

/** Breaks text at spaces into lines of at most `width` characters. */
function wrap(text: string, width: number, joiner: string): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  return [...lines, line].join(joiner);
}

const USAGE = `usage:
  cnn layer '<json>' --input SHAPE [--json]     one layer on one sample (no batch dimension)
  cnn layer --batch                             JSON lines {"layer":…,"input":[…]} on stdin
  cnn arch NAME [--input C,H,W] [--json]        a built-in model, layer by layer
  cnn arch --list [--json]                      the built-in models
  cnn exercise NAME --seed N [--lang ko|en] [--json]
  cnn exercise --list [--json]

layer JSON: {"type": …, …} with torch.nn's keyword arguments, e.g.
  '{"type":"conv2d","in_channels":3,"out_channels":64,"kernel_size":7,"stride":2,"padding":3}'
types: ${wrap(LAYER_TYPES.join(", "), 92, "\n  ")}
SHAPE: C,H,W (2-D layers), C,L (1-D), C,D,H,W (3-D), F (linear), L,F (rnn/lstm/gru/attention),
  the index shape (embedding)
MACs: weight multiply-accumulates only (conv, transposed conv, linear, recurrent, attention
  projections); 0 otherwise`;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

interface Args {
  positional: string[];
  flags: Map<string, string | true>;
}

const VALUE_FLAGS = new Set(["input", "seed", "lang"]);
const BOOL_FLAGS = new Set(["json", "batch", "list", "help"]);

function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") continue;
    if (a.startsWith("--")) {
      const [key, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      if (VALUE_FLAGS.has(key)) {
        const v = inline ?? argv[++i];
        if (v === undefined)
          throw new AppError("BAD_INPUT", `--${key} needs a value`, { field: key });
        flags.set(key, v);
      } else if (BOOL_FLAGS.has(key)) {
        flags.set(key, true);
      } else {
        throw new AppError("BAD_INPUT", `unknown option --${key}`, { field: key });
      }
    } else {
      positional.push(a);
    }
  }
  return { positional, flags };
}

const n = (x: number) => x.toLocaleString("en-US");
const shapeText = (s: readonly number[]) => s.join("×");

function parseJson(text: string, field: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new AppError("PARSE_ERROR", `${field}: not valid JSON (${(e as Error).message})`, {
      field,
      cause: e,
    });
  }
}

function layerResult(spec: unknown, input: unknown) {
  const layer = parseLayerSpec(spec);
  return applyLayer(layer, parseShape(input, "input"));
}

function batch(stdin: string): string {
  const out: string[] = [];
  for (const line of stdin.split(/\r?\n/)) {
    if (line.trim() === "") continue;
    try {
      const row = parseJson(line, "line");
      if (typeof row !== "object" || row === null || !("layer" in row) || !("input" in row)) {
        throw new AppError("BAD_INPUT", 'line: expected {"layer": {…}, "input": […]}', {
          field: "line",
        });
      }
      out.push(JSON.stringify(layerResult(row.layer, row.input)));
    } catch (e) {
      out.push(JSON.stringify({ error: isAppError(e) ? e.message : String(e) }));
    }
  }
  return out.length > 0 ? `${out.join("\n")}\n` : "";
}

function table(headers: string[], rows: string[][], right: boolean[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (right[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(headers), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

function arch(args: Args): string {
  const json = args.flags.has("json");
  if (args.flags.has("list")) {
    const models = listModels();
    if (json) {
      return JSON.stringify(
        models.map((m) => ({
          name: m.name,
          family: m.family,
          input: m.defaultInput,
          description: m.description,
        })),
      );
    }
    return table(
      ["name", "input", "description"],
      models.map((m) => [m.name, shapeText(m.defaultInput), m.description]),
      [false, false, false],
    );
  }
  const name = args.positional[1];
  if (!name)
    throw new AppError("BAD_INPUT", "arch: give a model name or --list", { field: "name" });
  const input = args.flags.get("input");
  const a = analyzeBuiltinModel(name, typeof input === "string" ? parseShape(input) : undefined);
  if (json) {
    return JSON.stringify({
      name: a.name,
      input: a.input,
      output: a.output,
      params: a.params,
      macs: a.macs,
      ...(a.anchors === undefined ? {} : { anchors: a.anchors }),
      layers: a.layers.map((l) => ({
        name: l.name,
        type: l.type,
        output: l.output,
        params: l.params,
        macs: l.macs,
        ...(l.functional ? { functional: true } : {}),
      })),
    });
  }
  const body = table(
    ["layer", "type", "output", "params", "MACs"],
    a.layers.map((l) => [
      l.functional ? `${l.name} (functional)` : l.name,
      l.type,
      shapeText(l.output),
      n(l.params),
      n(l.macs),
    ]),
    [false, false, true, true, true],
  );
  const total = [
    `${a.name}: input ${shapeText(a.input)} → output ${shapeText(a.output)}`,
    `params ${n(a.params)}  MACs ${n(a.macs)} (${(a.macs / 1e9).toFixed(2)} G)`,
    ...(a.anchors === undefined ? [] : [`anchors ${n(a.anchors)}`]),
  ];
  return `${body}\n\n${total.join("\n")}`;
}

function exercise(args: Args): string {
  const json = args.flags.has("json");
  if (args.flags.has("list")) {
    const gens = listGenerators();
    if (json) return JSON.stringify(gens);
    return table(
      ["name", "topic", "title"],
      gens.map((g) => [g.name, g.topic, g.title.en]),
      [false, false, false],
    );
  }
  const name = args.positional[1];
  if (!name) {
    throw new AppError("BAD_INPUT", "exercise: give a generator name or --list", {
      field: "generator",
    });
  }
  const seedText = args.flags.get("seed");
  const seed =
    typeof seedText === "string" && /^-?\d+$/.test(seedText) ? Number(seedText) : Number.NaN;
  if (!Number.isSafeInteger(seed)) {
    throw new AppError("BAD_INPUT", "--seed: expected an integer", { field: "seed" });
  }
  const langText = args.flags.get("lang") ?? "en";
  const lang = ZLang.safeParse(langText);
  if (!lang.success)
    throw new AppError("BAD_INPUT", "--lang: expected ko or en", { field: "lang" });
  const v = generateExercise(name, { seed, lang: lang.data });
  if (json) return JSON.stringify(v);
  const heading =
    lang.data === "ko"
      ? ["문제", "답 형식", "정답", "풀이"]
      : ["Question", "Answer format", "Answer", "Solution"];
  return [
    `## ${heading[0]} (${v.generator}, seed ${v.seed})`,
    v.question,
    `**${heading[1]}:** ${v.answerFormat}`,
    `## ${heading[2]}`,
    v.answer,
    `## ${heading[3]}`,
    v.solution,
  ].join("\n\n");
}

export function runCnnCli(argv: string[], stdin = ""): CliResult {
  try {
    const args = parseArgs(argv);
    const cmd = args.positional[0];
    let stdout: string;
    if (!cmd || args.flags.has("help") || cmd === "help") {
      return {
        code: cmd ? 0 : 2,
        stdout: cmd ? `${USAGE}\n` : "",
        stderr: cmd ? "" : `${USAGE}\n`,
      };
    }
    if (cmd === "layer") {
      if (args.flags.has("batch")) return { code: 0, stdout: batch(stdin), stderr: "" };
      const spec = args.positional[1];
      if (spec === undefined)
        throw new AppError("BAD_INPUT", "layer: give a JSON layer spec", { field: "layer" });
      const input = args.flags.get("input");
      if (typeof input !== "string")
        throw new AppError("BAD_INPUT", "--input: required (C,H,W, C,L, C,D,H,W or F)", {
          field: "input",
        });
      const r = layerResult(parseJson(spec, "layer"), input);
      stdout = args.flags.has("json")
        ? JSON.stringify(r)
        : `output ${shapeText(r.output)}  params ${n(r.params)}  MACs ${n(r.macs)}`;
    } else if (cmd === "arch") {
      stdout = arch(args);
    } else if (cmd === "exercise") {
      stdout = exercise(args);
    } else {
      throw new AppError("BAD_INPUT", `unknown command "${cmd}" (layer, arch, exercise)`, {
        field: "command",
      });
    }
    return { code: 0, stdout: `${stdout}\n`, stderr: "" };
  } catch (e) {
    if (isAppError(e) && e.code !== "INTERNAL") {
      return { code: 2, stdout: "", stderr: `error: ${e.message.split("\n")[0]}\n` };
    }
    return {
      code: 1,
      stdout: "",
      stderr: `error: internal: ${String((e as Error)?.message ?? e).split("\n")[0]}\n`,
    };
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const argv = process.argv.slice(2);
  const stdin = argv.includes("--batch") ? await readStdin() : "";
  const r = runCnnCli(argv, stdin);
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  process.exitCode = r.code;
}
