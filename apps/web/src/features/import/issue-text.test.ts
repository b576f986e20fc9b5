import { parseNote } from "@strides/content";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "../../messages/en/index.ts";
import ko from "../../messages/ko/index.ts";
import { type IssueMessages, issueText } from "./issue-text.ts";
import { importIssueOf, readImportFiles } from "./read-import-files.ts";

function messages(locale: "en" | "ko"): IssueMessages {
  const of = (namespace: string) =>
    createTranslator({
      locale,
      messages: locale === "ko" ? ko : en,
      namespace: namespace as "importIssues",
    }) as unknown as IssueMessages["issues"];
  return {
    issues: of("importIssues"),
    details: of("importIssueDetail"),
    yaml: of("importIssueYaml"),
    math: of("mathError"),
    errors: of("errors"),
    fields: of("errorFields"),
  };
}

/** What the import page says of each error of an upload, in `locale`. */
async function saidOfUpload(
  files: Record<string, string>,
  mappings: Parameters<typeof readImportFiles>[0]["mappings"],
  locale: "en" | "ko",
): Promise<string[]> {
  const r = await readImportFiles({
    files: Object.entries(files).map(([name, text]) => ({
      name,
      data: new TextEncoder().encode(text),
    })),
    mappings,
    existingAssets: [],
  });
  return r.errors.map((issue) => issueText(issue, locale, messages(locale)).text);
}

/** What the import page says of each issue of a note, in `locale`. */
function said(text: string, locale: "en" | "ko"): string[] {
  const parsed = parseNote({ text, file: "broken.md", resolveImage: () => false });
  return [...parsed.errors, ...parsed.warnings].map((issue) => {
    const { text: t, detail } = issueText(importIssueOf(issue), locale, messages(locale));
    return detail ? `${t} (${detail})` : t;
  });
}

const HANGUL = /[\uac00-\ud7a3]/;

describe("an import issue's text", () => {
  it("a table row with an empty field: the row's line and the field, in Korean", async () => {
    const csv = "front,back\n,뒷면만 있음\nq,a\n";
    const mapping = { "deck.csv": { front: 0, back: 1, header: true } };
    const ko = await saidOfUpload({ "deck.csv": csv }, mapping, "ko");
    expect(ko).toEqual(["앞면: 필수 항목입니다."]);
    expect(ko.join()).not.toMatch(/required/);
    expect(await saidOfUpload({ "deck.csv": csv }, mapping, "en")).toEqual([
      expect.stringMatching(/^Front/),
    ]);
  });

  it("a file path that climbs out of the upload: named, in Korean", async () => {
    const ko = await saidOfUpload({ "../notes/a.md": "# A\n\n* a: b\n" }, {}, "ko");
    expect(ko).toEqual(["../notes/a.md: 올바른 파일 경로가 아닙니다."]);
  });

  it("invalid math on a Korean page: the formula, where and why, in Korean", () => {
    const [text] = said("# 제목\n\n* 소프트맥스: $\\frac{e^{x_i}}{\\sum_j e^{x_j}$ 입니다\n", "ko");
    expect(text).toBe(
      "수식 오류: “\\frac{e^{x_i}}{\\sum_j e^{x_j}”의 끝 — } 없이 수식이 끝났습니다.",
    );
  });

  it("invalid math on an English page: the same parts in English", () => {
    const [text] = said("# Title\n\n* Norm: $\\norm{x}$ here\n", "en");
    expect(text).toBe(
      "Math error at character 1 of “\\norm{x}”: KaTeX does not know the command \\norm.",
    );
  });

  it("bad front matter: what YAML found wrong, in the page's language", () => {
    const note = '---\ntitle: "Day13 학습정리\ntags: [a]\n---\n\n# A\n\n* a: b\n';
    expect(said(note, "ko")[0]).toBe(
      '머리말(front matter)이 올바르지 않습니다: 닫는 따옴표나 괄호, 또는 키의 ":" 뒤에 올 값이 빠졌습니다.',
    );
    const dup = "---\ntitle: a\ntitle: b\n---\n\n# A\n";
    expect(said(dup, "en")[0]).toBe("The front matter is not valid: a key appears twice.");
    expect(said(dup, "ko")[0]).toBe(
      "머리말(front matter)이 올바르지 않습니다: 같은 키가 두 번 있습니다.",
    );
  });

  it("a missing image and unclosed math: the image and the text, not only that something is wrong", () => {
    const note = "# A\n\n![그림](img/a.png)\n\nSoftmax $\\frac{1}{2} and more\n";
    const texts = said(note, "ko");
    expect(texts).toContain(
      "이미지를 찾을 수 없습니다: img/a.png (img/a.png에서 찾음). 카드에는 대체 텍스트가 보입니다: “그림”",
    );
    expect(
      texts.some((t) => t.startsWith('"$"로 연 수식이 닫히지 않았습니다: “$\\frac{1}{2}')),
    ).toBe(true);
  });

  it("no English on a Korean page for any issue that carries its specifics", () => {
    const note =
      '---\ntitle: "x\n---\n# A\n\n* $\\fraq{1}{2}$\n* $a^b^c$\n\n![a](b.png)\n\nCost $\\alpha and\n';
    for (const text of said(note, "ko")) {
      expect(text).toMatch(HANGUL);
      expect(text).not.toMatch(/not valid|invalid math|Expected|not found|never closed/);
    }
  });

  it("an issue without params: the code's text; the parser's detail on an English page only", () => {
    const issue = { file: "a.md", line: 3, code: "card-invalid", message: 'card "x" is not valid' };
    expect(issueText(issue, "ko", messages("ko"))).toEqual({
      text: "카드 형식이 올바르지 않습니다.",
      detail: null,
    });
    expect(issueText(issue, "en", messages("en"))).toEqual({
      text: "A card is not valid.",
      detail: issue.message,
    });
  });

  it("a code without a text of ours: the parser's message, in either language", () => {
    const issue = { file: "a.md", line: 3, code: "new-code", message: "something new" };
    for (const locale of ["ko", "en"] as const) {
      expect(issueText(issue, locale, messages(locale))).toEqual({
        text: "something new",
        detail: null,
      });
    }
  });
});
