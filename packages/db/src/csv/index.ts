export { type CsvRecord, type ReadCsvOptions, readCsvRecords } from "./read-csv.ts";
export { type CsvCell, csvCell, csvLine, csvLines, csvText } from "./write-csv.ts";
