/**
 * `npm run -s notes -- check <files or folders…> [--json] [--partial] [--verbose]`
 *
 * Imports each note and prints its cards by kind, flagged cards by flag, skipped items by reason,
 * warnings and errors with file:line (and, with --verbose, every card with its flags and what
 * extraction skipped). --json prints the import results as JSON
 * matching `ZNoteImport` instead. Exit code: 0 when no file has errors, 1 when any has, 2 on a
 * usage error.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { isAppError } from "../errors.ts";
import { CARD_FLAGS, CARD_KINDS, parseNote, type TCard, type TNoteImport } from "../notes/index.ts";

const USAGE = `usage: npm run -s notes -- check <files or folders…> [--json] [--partial] [--verbose]

  check      import Markdown notes and report cards, warnings and errors
  --json     print the import results as JSON (schema ZNoteImport, one array)
  --partial  keep the cards of a note that has errors (they are dropped otherwise)
  --verbose  list every card and every skipped item`;

export function runNotesCli(
  argv: string[],
  out: (line: string) => void,
  err: (line: string) => void,
): number {
  const [command, ...rest] = argv;
  if (command === "--help" || command === "-h" || command === "help") {
    out(USAGE);
    return 0;
  }
  if (command !== "check") {
    err(command === undefined ? USAGE : `unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  const flags = new Set(rest.filter((a) => a.startsWith("--")));
  const unknown = [...flags].filter((f) => !["--json", "--partial", "--verbose"].includes(f));
  if (unknown.length > 0) {
    err(`unknown option ${unknown.join(", ")}\n\n${USAGE}`);
    return 2;
  }
  const paths = rest.filter((a) => !a.startsWith("--"));
  if (paths.length === 0) {
    err(`no files given\n\n${USAGE}`);
    return 2;
  }
  const files: string[] = [];
  for (const path of paths) {
    if (!existsSync(path)) {
      err(`${path}: no such file or folder`);
      return 2;
    }
    files.push(...collectNotes(path));
  }

  const results: TNoteImport[] = [];
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    try {
      results.push(
        parseNote({
          text,
          file,
          resolveImage: (p) => existsSync(p),
          partial: flags.has("--partial"),
        }),
      );
    } catch (error) {
      const message = isAppError(error) ? error.message : String(error);
      results.push({
        file,
        deckPath: file,
        cards: [],
        warnings: [],
        errors: [{ severity: "error", code: "internal", message, file, line: 1 }],
        skipped: [],
        frontMatter: {},
      });
    }
  }

  if (flags.has("--json")) out(JSON.stringify(results, null, 2));
  else for (const result of results) printResult(result, flags.has("--verbose"), out);
  return results.some((r) => r.errors.length > 0) ? 1 : 0;
}

function collectNotes(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = join(path, entry.name);
      if (entry.isDirectory()) return entry.name.startsWith(".") ? [] : collectNotes(full);
      return /\.(md|markdown)$/i.test(entry.name) ? [full] : [];
    });
}

function printResult(result: TNoteImport, verbose: boolean, out: (line: string) => void): void {
  const counts = CARD_KINDS.map(
    (kind) => `${kind} ${result.cards.filter((c) => c.kind === kind).length}`,
  );
  out(`${result.file}`);
  out(`  cards: ${result.cards.length} (${counts.join(", ")})`);
  out(
    `  errors: ${result.errors.length}, warnings: ${result.warnings.length}, skipped by extraction: ${result.skipped.length}`,
  );
  const flagged = result.cards.filter((c) => c.flags.length > 0).length;
  const byFlag = CARD_FLAGS.map((f) => [f, result.cards.filter((c) => c.flags.includes(f)).length])
    .filter(([, n]) => n !== 0)
    .map(([f, n]) => `${f} ${n}`);
  out(`  flagged: ${flagged}${byFlag.length > 0 ? ` (${byFlag.join(", ")})` : ""}`);
  const reasons = new Map<string, number>();
  for (const s of result.skipped) reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
  if (reasons.size > 0) {
    out(`  skipped by reason: ${[...reasons].map(([r, n]) => `${r} ${n}`).join(", ")}`);
  }
  for (const e of result.errors) out(`  error   ${e.file}:${e.line} [${e.code}] ${e.message}`);
  for (const w of result.warnings) out(`  warning ${w.file}:${w.line} [${w.code}] ${w.message}`);
  if (result.errors.length > 0 && result.cards.length === 0) {
    out("  no cards imported because of the errors above (use --partial to keep the rest)");
  }
  if (!verbose) return;
  for (const s of result.skipped)
    out(`  skipped ${s.file}:${s.line} [${s.reason}] ${s.message}: ${s.text}`);
  for (const card of result.cards) out(`  ${describeCard(card)}`);
}

function describeCard(card: TCard): string {
  const where = `${card.file}:${card.source.lineStart}${card.flags.length > 0 ? ` [${card.flags.join(", ")}]` : ""}`;
  const context = card.context.length > 0 ? ` {${card.context.join(" › ")}}` : "";
  const line = (text: string) => text.replace(/\s*\n\s*/g, " ⏎ ");
  switch (card.kind) {
    case "basic":
      return `${where} basic${context} ${line(card.front)} → ${line(card.back)}`;
    case "cloze":
      return `${where} cloze${context} ${line(card.front)}`;
    case "listRecall":
      return `${where} listRecall${context} ${line(card.front)} → ${card.items.map((i) => line(i.text)).join(" | ")}`;
    case "exercise":
      return `${where} exercise${context} ${card.generator} ${JSON.stringify(card.params)}`;
  }
}

const isMain = process.argv[1] !== undefined && /cli[\\/]notes\.ts$/.test(process.argv[1]);
if (isMain) {
  process.exitCode = runNotesCli(
    process.argv.slice(2),
    (line) => process.stdout.write(`${line}\n`),
    (line) => process.stderr.write(`${line}\n`),
  );
}
