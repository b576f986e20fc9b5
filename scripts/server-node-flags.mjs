// Node flags of the production server (`npm start`, and the bench and reliability tests' server).
// V8 normally lets the old generation grow to several times its live size before a full collection:
// the Next server lives in ~140 MB but reached ~500 MB of heap (930 MB RSS) while streaming a
// 640k-log backup, all of it garbage. A growth factor of 1.2 collects sooner (peak RSS ~490 MB in
// the same download, 10% slower); unlike --max-old-space-size it sets no ceiling, so a large
// import can still use the memory it needs. A young generation of 4 MB semi-spaces (V8's default
// grows to 16 MB) is swept more often and kept smaller: three dashboards, three CSVs and three
// backup downloads of a 300-member school peaked at 493 MB RSS instead of 552 MB (8 MB: 535 MB).
export const SERVER_NODE_FLAGS = ["--heap-growing-percent=20", "--max-semi-space-size=4"];
