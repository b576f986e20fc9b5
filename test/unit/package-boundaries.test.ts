// Each workspace package has one explicit public surface (its package.json `exports`), and code
// outside a package imports only that surface: no wildcard exports, no deep imports of internals.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");
const PACKAGES = ["content", "db"] as const;

function exportsOf(pkg: string): Record<string, string> {
  const json = JSON.parse(readFileSync(join(root, "packages", pkg, "package.json"), "utf8"));
  return json.exports as Record<string, string>;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "generated" || entry.name.startsWith(".")) {
      continue;
    }
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx|mts|mjs|js)$/.test(entry.name)) out.push(path);
  }
  return out;
}

const files = ["apps", "packages", "test", "bench", "scripts"].flatMap((d) =>
  sourceFiles(join(root, d)),
);

describe("package surfaces", () => {
  it.each(PACKAGES)("@strides/%s lists its entry points explicitly (no wildcard)", (pkg) => {
    const exports = exportsOf(pkg);
    expect(exports["."]).toBe("./src/index.ts");
    for (const key of Object.keys(exports)) expect(key).not.toContain("*");
  });

  it("code imports only the entry points a package exports", () => {
    const allowed = new Set(
      PACKAGES.flatMap((pkg) =>
        Object.keys(exportsOf(pkg)).map((k) => `@strides/${pkg}${k === "." ? "" : k.slice(1)}`),
      ),
    );
    const deep: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(
        /(?:from|import)\s*\(?\s*["'](@strides\/(?:content|db)[^"']*)["']/g,
      )) {
        const spec = m[1] ?? "";
        if (!allowed.has(spec)) deep.push(`${relative(root, file)}: ${spec}`);
      }
    }
    expect(deep).toEqual([]);
  });

  it("the web app never imports Prisma: it calls the domain in @strides/db", () => {
    const offenders = files
      .filter((f) => relative(root, f).startsWith("apps/web/src/"))
      .filter((f) =>
        /from\s+["'](@prisma\/|[^"']*\/generated\/|better-auth\/adapters\/prisma)/.test(
          readFileSync(f, "utf8"),
        ),
      )
      .map((f) => relative(root, f));
    expect(offenders).toEqual([]);
  });

  it("the web app never calls the database's model API: only named functions of @strides/db", () => {
    // Every model of the schema, as Prisma names its delegate (`db.reviewLog`), and its operations.
    const models = [
      ...readFileSync(join(root, "prisma/models.prisma"), "utf8").matchAll(/^model (\w+)/gm),
    ].map((m) => (m[1] ?? "").replace(/^./, (c) => c.toLowerCase()));
    expect(models).toContain("reviewLog");
    const modelCall = new RegExp(
      `\\.(?:${models.join("|")})\\s*\\.\\s*(?:find\\w*|create\\w*|update\\w*|upsert|delete\\w*|count|aggregate|groupBy)\\s*\\(|\\$(?:queryRaw|executeRaw|transaction)\\w*\\s*[(\`]`,
      "g",
    );
    const offenders: string[] = [];
    for (const file of files) {
      const rel = relative(root, file);
      if (!rel.startsWith("apps/web/src/") || /\.test\.tsx?$/.test(rel)) continue;
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(modelCall)) {
        offenders.push(`${rel}:${text.slice(0, m.index).split("\n").length}: ${m[0]}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
