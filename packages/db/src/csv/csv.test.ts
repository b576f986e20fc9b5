import { describe, expect, it } from "vitest";
import { parseReviewLogCsv } from "../review/review-log-csv.ts";
import { readCsvRecords } from "./read-csv.ts";
import { csvLines, csvText } from "./write-csv.ts";

describe("the CSV writer", () => {
  it("quotes, doubles quotes and neutralises formulas in text, not in numbers", () => {
    expect(
      csvText(
        ["a", "b", "c", "d"],
        [
          ["=SUM(A1)", 'say "hi", then\nleave', -3, new Date("2026-01-02T03:04:05Z")],
          ["@x", null, true, "+1"],
        ],
      ),
    ).toBe(
      'a,b,c,d\r\n\'=SUM(A1),"say ""hi"", then\nleave",-3,2026-01-02T03:04:05.000Z\r\n\'@x,,true,\'+1\r\n',
    );
  });

  it("streams the same text in chunks", async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [i, `row ${i}`]);
    async function* source() {
      yield* rows;
    }
    let streamed = "";
    let chunks = 0;
    for await (const c of csvLines(["n", "text"], source())) {
      streamed += c;
      chunks++;
    }
    expect(streamed).toBe(csvText(["n", "text"], rows));
    expect(chunks).toBeGreaterThan(1);
  });
});

describe("the CSV reader", () => {
  it("reads what the writer wrote, with the line each row starts on", () => {
    const text = csvText(
      ["front", "back"],
      [
        ["a\nb", 'q"r'],
        ["=x", "y"],
      ],
    );
    expect(readCsvRecords(`\uFEFF${text}`)).toEqual([
      { line: 1, cells: ["front", "back"] },
      { line: 2, cells: ["a\nb", 'q"r'] },
      { line: 4, cells: ["'=x", "y"] },
    ]);
  });

  it("skips blank rows and names the line of an unclosed quote", () => {
    expect(readCsvRecords("a;b\n\n ; \nc;d", { delimiter: ";" })).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 4, cells: ["c", "d"] },
    ]);
    expect(() => readCsvRecords('a,b\n1,"open\n2,3', { file: "f.csv" })).toThrow(
      /f\.csv:\d: a quoted field is not closed/,
    );
  });

  it("lets the review-log import read a quoted field with a line break", () => {
    const rows = parseReviewLogCsv(
      'card_id,review_time,review_rating,card_key\r\n1,1700000000000,3,"deck/a\r\nb"\r\n2,1700000001000,1,deck/c\r\n',
      "log.csv",
    );
    expect(rows.map((r) => [r.line, r.cardKey, r.rating])).toEqual([
      [2, "deck/a\nb", 3],
      [4, "deck/c", 1],
    ]);
  });

  it("refuses review times outside 1970–9999 at their line, and caps a review's duration", () => {
    const csv = (time: string, duration = "1000") =>
      `card_id,review_time,review_rating,review_duration\n1,1700000000000,3,${duration}\n2,${time},3,1000\n`;
    // Microseconds instead of milliseconds: year 55,840.
    expect(() => parseReviewLogCsv(csv("1700000000000000"), "log.csv")).toThrow(
      /log\.csv:3: review_time "1700000000000000" is outside 1970–9999/,
    );
    expect(() => parseReviewLogCsv(csv("1969-12-31T12:00:00Z"), "log.csv")).toThrow(/log\.csv:3/);
    const rows = parseReviewLogCsv(csv("1700000001000", "99999999999999"), "log.csv");
    expect(rows.map((r) => r.durationMs)).toEqual([2_147_483_647, 1000]);
  });
});
